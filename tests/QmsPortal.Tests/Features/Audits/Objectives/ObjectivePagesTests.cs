using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Audits.Reviews;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Objectives;

/// <summary>Quality objectives over HTTP: created, measured by hand within the unit's bounds or from the desk's CSV, drawn as a chart with its table.</summary>
public sealed class ObjectivePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Header = "thang,tiep_nhan,dung_han,tre_han,xin_loi,hai_long,khao_sat";

    private sealed record Office(TenantInfo Commune, string Secretary, string Staff)
    {
        public string Objectives => $"/{Commune.Slug}/danh-gia/muc-tieu";
        public string Import => Objectives + "/nhap-so-lieu";
    }

    private async Task<Office> OfficeAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        return new Office(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Phạm Thị Bình"));
    }

    private static async Task<int> CreateAsync(HttpClient client, Office office, string name, string unit, string target, string direction = "AtLeast", string measure = "None")
    {
        var response = await Html.PostFormAsync(client, office.Objectives + "/moi", new()
        {
            ["Input.Name"] = name, ["Input.Indicator"] = name, ["Input.Unit"] = unit, ["Input.Target"] = target, ["Input.Direction"] = direction, ["Input.Measure"] = measure,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Office office, string csv, bool bom = false)
    {
        var page = await Html.GetDocumentAsync(client, office.Import);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(((IHtmlInputElement)page.QuerySelector("#nhap-csv input[name=__qms_af]")!).Value), "__qms_af");
        var file = new ByteArrayContent([.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "thong-ke.csv");
        return await client.PostAsync(office.Import, form);
    }

    /// <summary>Twelve months, December 2025 to November 2026, 200 dossiers each, on time rising from 186 to 197.</summary>
    private static string Year(char separator = ',') =>
        string.Join("\n", new[] { Header.Replace(',', separator) }.Concat(Enumerable.Range(0, 12).Select(i =>
        {
            var month = new DateOnly(2025, 12, 1).AddMonths(i);
            var onTime = 186 + i;
            return string.Join(separator, $"{month.Month:00}/{month.Year}", "200", $"{onTime}", $"{200 - onTime}", $"{(200 - onTime) / 2}", "170", "180");
        })));

    [Fact]
    public async Task A_typed_value_is_checked_against_the_unit_and_a_month_entered_again_replaces_its_value()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        var id = await CreateAsync(client, office, "Người dân hài lòng", "%", "90");
        var url = $"{office.Objectives}/{id}";

        var tooHigh = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "101" }, "Value"));
        var negative = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "-1" }, "Value"));
        var notNumber = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "chín mươi" }, "Value"));
        var future = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-12", ["Entry.Value"] = "91" }, "Value"));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().CountAsync()));
        await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "88" }, "Value");
        await Html.PostFormAsync(client, url, new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "91,5" }, "Value");

        Assert.Equal("Giá trị 101 không hợp lệ cho đơn vị \"%\".", Html.FieldError(tooHigh, "Entry.Value"));
        Assert.Contains("không hợp lệ", Html.FieldError(negative, "Entry.Value"), StringComparison.Ordinal);
        Assert.Contains("phải là một số", Html.FieldError(notNumber, "Entry.Value"), StringComparison.Ordinal);
        Assert.Contains("chưa đến", Html.FieldError(future, "Entry.Month"), StringComparison.Ordinal);
        var stored = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().SingleAsync());
        Assert.Equal((new DateOnly(2026, 10, 1), 91.5m, ObjectiveValueSource.Typed), (stored.Month, stored.Value, stored.Source));
        var page = await Html.GetDocumentAsync(client, url);
        Assert.Contains("91,5%", page.QuerySelector("#so-lieu-" + id + " tr[data-month='2026-10']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đạt", page.QuerySelector("#so-lieu-" + id + " tr[data-month='2026-10']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_outside_the_units_bounds_or_a_missing_name_is_refused()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);

        var percent = await Html.ParseAsync(await Html.PostFormAsync(client, office.Objectives + "/moi", new()
        {
            ["Input.Name"] = "Đúng hạn", ["Input.Indicator"] = "Tỷ lệ đúng hạn", ["Input.Unit"] = "%", ["Input.Target"] = "120",
        }));
        var noName = await Html.ParseAsync(await Html.PostFormAsync(client, office.Objectives + "/moi", new() { ["Input.Name"] = "", ["Input.Target"] = "5" }));

        Assert.Contains("tỷ lệ phần trăm không quá 100", Html.FieldError(percent, "Input.Target"), StringComparison.Ordinal);
        Assert.Equal("Vui lòng nhập tên mục tiêu.", Html.FieldError(noName, "Input.Name"));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<QualityObjective>().CountAsync()));
    }

    [Fact]
    public async Task A_csv_with_a_bad_row_names_its_row_and_column_and_imports_nothing()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        await CreateAsync(client, office, "Giải quyết đúng hạn", "%", "95", measure: "OnTimeRate");
        var csv = Year().Replace("05/2026,200,191,9", "05/2026,200,191,19", StringComparison.Ordinal);

        var response = await UploadAsync(client, office, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var problem = Assert.Single(page.QuerySelectorAll("#loi-nhap li"));
        Assert.StartsWith("Dòng 7, cột dung_han:", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<DeskStatistics>().CountAsync()));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().CountAsync()));
    }

    [Fact]
    public async Task An_import_without_a_file_or_with_only_a_header_asks_for_data_and_stores_nothing()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);

        var noFile = await Html.ParseAsync(await ReviewSeed.PostAsync(client, office.Import, null));
        var headerOnly = await Html.ParseAsync(await UploadAsync(client, office, Header + "\n"));

        Assert.Equal("Hãy chọn tệp CSV số liệu thống kê.", Assert.Single(noFile.QuerySelectorAll("#loi-nhap li")).TextContent);
        Assert.Contains("không có dòng số liệu", Assert.Single(headerOnly.QuerySelectorAll("#loi-nhap li")).TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<DeskStatistics>().CountAsync()));
    }

    [Fact]
    public async Task Desk_statistics_give_measured_objectives_their_values_and_the_same_file_twice_changes_nothing()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        var onTime = await CreateAsync(client, office, "Giải quyết đúng hạn", "%", "95", measure: "OnTimeRate");

        var first = await UploadAsync(client, office, Year(';'), bom: true);
        var firstMessage = (await Html.GetDocumentAsync(client, first.Headers.Location!.ToString())).QuerySelector(".alert")!.TextContent;
        var apologies = await CreateAsync(client, office, "Số phiếu xin lỗi", "phiếu", "5", direction: "AtMost", measure: "Apologies");
        var before = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.ObjectiveId, v.Month, v.Value }).ToListAsync());
        var second = await UploadAsync(client, office, Year(';'), bom: true);
        var secondMessage = (await Html.GetDocumentAsync(client, second.Headers.Location!.ToString())).QuerySelector(".alert")!.TextContent;

        Assert.Contains("12 tháng mới", firstMessage, StringComparison.Ordinal);
        Assert.Contains("Không có thay đổi", secondMessage, StringComparison.Ordinal);
        Assert.Equal(12, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<DeskStatistics>().CountAsync()));
        var after = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.ObjectiveId, v.Month, v.Value }).ToListAsync());
        Assert.Equal(before, after);
        Assert.Equal(12, after.Count(v => v.ObjectiveId == onTime));
        Assert.Equal(12, after.Count(v => v.ObjectiveId == apologies));
        Assert.Equal(93m, after.Single(v => v.ObjectiveId == onTime && v.Month == new DateOnly(2025, 12, 1)).Value);
        Assert.Equal(98.5m, after.Single(v => v.ObjectiveId == onTime && v.Month == new DateOnly(2026, 11, 1)).Value);

        var changed = Year().Replace("11/2026,200,197", "11/2026,200,199", StringComparison.Ordinal).Replace("11/2026,200,199,3", "11/2026,200,199,1", StringComparison.Ordinal);
        var third = await UploadAsync(client, office, changed);
        Assert.Contains("1 tháng thay số liệu", (await Html.GetDocumentAsync(client, third.Headers.Location!.ToString())).QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(99.5m, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>()
            .Where(v => v.ObjectiveId == onTime && v.Month == new DateOnly(2026, 11, 1)).Select(v => v.Value).SingleAsync()));
        var typed = await Html.ParseAsync(await ReviewSeed.PostAsync(client, $"{office.Objectives}/{onTime}", "Value", new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "50" }));
        Assert.Contains("thống kê của Bộ phận Một cửa", typed.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_objective_has_an_accessible_svg_trend_with_a_dashed_target_line_and_its_values_in_a_table()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        var onTime = await CreateAsync(client, office, "Giải quyết đúng hạn", "%", "95", measure: "OnTimeRate");
        await UploadAsync(client, office, Year());

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(office.Staff), office.Objectives);

        var svg = page.QuerySelector($"#bieu-do-{onTime} svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Xu hướng: Giải quyết đúng hạn", svg.QuerySelector("title")!.TextContent);
        var target = svg.QuerySelector("line[data-target]")!;
        Assert.False(string.IsNullOrEmpty(target.GetAttribute("stroke-dasharray")));
        Assert.Contains("Chỉ tiêu ≥ 95%", svg.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, svg.QuerySelectorAll("circle.value-point").Length);
        Assert.Equal(8, svg.QuerySelectorAll("circle.value-point[data-met='true']").Length);
        Assert.NotNull(svg.QuerySelector("polyline.value-line"));
        Assert.Contains("T12/25", svg.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        var rows = page.QuerySelectorAll($"#so-lieu-{onTime} tbody tr");
        Assert.Equal(12, rows.Length);
        Assert.Contains("93%", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Không đạt", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Thống kê Một cửa", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/muc-tieu/moi']"));
    }

    [Fact]
    public async Task A_retired_objective_leaves_the_list_keeps_its_values_and_takes_no_more()
    {
        var office = await OfficeAsync();
        var id = await ReviewSeed.ObjectiveAsync(portal, office.Commune, "Số phiếu xin lỗi", "phiếu", 5, ObjectiveDirection.AtMost, (new DateOnly(2026, 9, 1), 3));
        var url = $"{office.Objectives}/{id}";
        var staff = await portal.SignedInAsync(office.Staff);
        Assert.True(ReviewSeed.IsRefused(await ReviewSeed.PostAsync(staff, url, "Retire")));
        Assert.True(await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<QualityObjective>().Where(o => o.Id == id).Select(o => o.IsActive).SingleAsync()));
        var client = await portal.SignedInAsync(office.Secretary);

        var retired = await Html.PostFormAsync(client, url, [], "Retire");
        var late = await Html.ParseAsync(await ReviewSeed.PostAsync(client, url, "Value", new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "2" }));

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Contains("ngừng theo dõi", late.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await Html.GetDocumentAsync(client, office.Objectives)).QuerySelector($"[data-objective-card='{id}']"));
        var page = await Html.GetDocumentAsync(client, url);
        Assert.Contains("Đã ngừng theo dõi", page.QuerySelector("#thong-tin-muc-tieu")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ghi-gia-tri"));
        var value = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().SingleAsync());
        Assert.Equal((new DateOnly(2026, 9, 1), 3m), (value.Month, value.Value));
    }

    [Fact]
    public async Task Staff_read_objectives_but_neither_create_measure_nor_import()
    {
        var office = await OfficeAsync();
        var id = await ReviewSeed.ObjectiveAsync(portal, office.Commune, "Đúng hạn", "%", 95, ObjectiveDirection.AtLeast);
        var staff = await portal.SignedInAsync(office.Staff);

        Assert.True(ReviewSeed.IsRefused(await staff.GetAsync(office.Objectives + "/moi")));
        Assert.True(ReviewSeed.IsRefused(await ReviewSeed.PostAsync(staff, $"{office.Objectives}/{id}", "Value", new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "96" })));
        Assert.True(ReviewSeed.IsRefused(await ReviewSeed.PostAsync(staff, office.Import, null)));
        Assert.Null((await Html.GetDocumentAsync(staff, office.Import)).QuerySelector("#nhap-csv"));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ObjectiveValue>().CountAsync()));
    }
}
