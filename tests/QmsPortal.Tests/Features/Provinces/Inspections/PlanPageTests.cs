using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Provinces.Inspections;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Features.Provinces.Inspections;

/// <summary>The province's yearly inspection plan: every commune on paper, a third on site, each item carried out by an inspection record.</summary>
public sealed class PlanPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_plan_is_saved_in_one_form_and_warns_of_communes_left_out_and_too_few_on_site()
    {
        var desk = await portal.ProvinceAsync("01", 4);
        var (a, b, c, d) = (desk.Communes[0], desk.Communes[1], desk.Communes[2], desk.Communes[3]);
        var auditor = await portal.SignedInAsync(desk.Auditor);

        var empty = await Html.GetDocumentAsync(auditor, desk.Plan);
        var saved = await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(empty, (a.Id, "tai-xa", "3"), (b.Id, "qua-ho-so", "4"), (c.Id, "qua-ho-so", "5")));
        var partial = await Html.GetDocumentAsync(auditor, desk.Plan + "?nam=2026");

        Assert.Contains("4/4 xã, phường chưa có trong kế hoạch", empty.QuerySelector("#canh-bao-thieu-xa")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0/4 xã, phường; cần ít nhất 2 (một phần ba), còn thiếu 2", empty.QuerySelector("#canh-bao-tai-xa")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var items = await portal.PlatformReadAsync(db => db.Set<InspectionPlanItem>().Where(i => i.TenantId == a.Id || i.TenantId == b.Id || i.TenantId == c.Id || i.TenantId == d.Id)
            .OrderBy(i => i.PlannedMonth).Select(i => new { i.TenantId, i.OnSite, i.PlannedMonth }).ToListAsync());
        Assert.Equal([(a.Id, true, 3), (b.Id, false, 4), (c.Id, false, 5)], items.Select(i => (i.TenantId, i.OnSite, i.PlannedMonth)));
        Assert.Equal("1/4 xã, phường chưa có trong kế hoạch: " + d.Name + ".", partial.QuerySelector("#canh-bao-thieu-xa")!.TextContent.Trim());
        Assert.Contains("1/4 xã, phường; cần ít nhất 2 (một phần ba), còn thiếu 1", partial.QuerySelector("#canh-bao-tai-xa")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("planned", partial.QuerySelector($"tr[data-tenant='{a.Id}']")!.GetAttribute("data-status"));
        Assert.Equal("none", partial.QuerySelector($"tr[data-tenant='{d.Id}']")!.GetAttribute("data-status"));

        await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(partial, (d.Id, "tai-xa", "6"), (c.Id, "", "")));
        var complete = await Html.GetDocumentAsync(auditor, desk.Plan);
        await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(complete, (c.Id, "qua-ho-so", "7")));
        var full = await Html.GetDocumentAsync(auditor, desk.Plan);

        Assert.Contains(c.Name, complete.QuerySelector("#canh-bao-thieu-xa")!.TextContent, StringComparison.Ordinal);
        Assert.Null(complete.QuerySelector("#canh-bao-tai-xa"));
        Assert.Null(full.QuerySelector("#canh-bao"));
        Assert.Contains("Kế hoạch có đủ 4 xã, phường; 2 kiểm tra tại xã (cần ít nhất 2)", full.QuerySelector("#du-ke-hoach")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, await portal.PlanItemsAsync(desk.Code));
    }

    [Fact]
    public async Task A_commune_of_another_province_is_refused_naming_the_row_and_nothing_is_written()
    {
        var desk = await portal.ProvinceAsync("04", 2);
        var foreign = await portal.CreateCommuneAsync(provinceCode: "08");
        var auditor = await portal.SignedInAsync(desk.Auditor);
        var page = await Html.GetDocumentAsync(auditor, desk.Plan);
        var second = ProvinceDesks.LineIndex(page, desk.Communes[1].Id);
        var fields = ProvinceDesks.PlanFields(page, (desk.Communes[0].Id, "tai-xa", "2"), (desk.Communes[1].Id, "qua-ho-so", "3"));
        fields[$"Lines[{second}].TenantId"] = Number(foreign.Id);

        var response = await Html.PostFormAsync(auditor, desk.Plan, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Dòng {second + 1}: xã, phường này không thuộc tỉnh của kế hoạch.", Html.FieldError(await Html.ParseAsync(response), $"Lines[{second}].TenantId")
            ?? (await Html.ParseAsync(response)).QuerySelector(".validation-summary-errors li")!.TextContent.Trim());
        Assert.Equal(0, await portal.PlatformReadAsync(db => db.Set<InspectionPlan>().CountAsync(p => p.ProvinceCode == desk.Code)));
        Assert.Equal(0, await portal.PlatformReadAsync(db => db.Set<InspectionPlanItem>().CountAsync(i => i.TenantId == foreign.Id)));
    }

    [Theory]
    [InlineData("tai-xa", "13", "tháng kiểm tra phải từ 1 đến 12.")]
    [InlineData("tai-xa", "", "chọn tháng kiểm tra.")]
    [InlineData("", "5", "chọn hình thức kiểm tra, hoặc bỏ tháng nếu chưa đưa vào kế hoạch.")]
    [InlineData("bay-tren-khong", "5", "hình thức kiểm tra không hợp lệ.")]
    public async Task A_bad_month_or_method_is_refused_naming_the_row_and_the_plan_stays_as_it_was(string method, string month, string message)
    {
        var code = method switch { "tai-xa" when month == "13" => "12", "tai-xa" => "14", "" => "15", _ => "19" };
        var desk = await portal.ProvinceAsync(code, 2);
        var auditor = await portal.SignedInAsync(desk.Auditor);
        var page = await Html.GetDocumentAsync(auditor, desk.Plan);
        var row = ProvinceDesks.LineIndex(page, desk.Communes[1].Id);

        var response = await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(page, (desk.Communes[0].Id, "tai-xa", "2"), (desk.Communes[1].Id, method, month)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await Html.ParseAsync(response);
        var expectedRow = method == "bay-tren-khong" ? $"Dòng {row + 1}: " : $"Dòng {row + 1} ({desk.Communes[1].Name}): ";
        Assert.Equal(expectedRow + message, shown.QuerySelector(".validation-summary-errors li")!.TextContent.Trim());
        Assert.Equal(0, await portal.PlanItemsAsync(desk.Code));
        // The form keeps what was typed, so the auditor corrects one row rather than the whole table.
        Assert.Equal("tai-xa", shown.QuerySelector($"tr[data-tenant='{desk.Communes[0].Id}'] select[name$='.Method'] option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("2014")]
    [InlineData("2028")]
    [InlineData("hai nghìn")]
    public async Task A_year_outside_2015_to_next_year_is_refused_in_Vietnamese(string year)
    {
        var desk = await portal.ProvinceAsync("20", 1);
        var auditor = await portal.SignedInAsync(desk.Auditor);

        var page = await Html.GetDocumentAsync(auditor, desk.Plan + "?nam=" + Uri.EscapeDataString(year));
        var post = await PostAsync(auditor, desk.Plan, desk.Plan + "?nam=" + Uri.EscapeDataString(year),
            new() { ["Lines[0].TenantId"] = Number(desk.Communes[0].Id), ["Lines[0].Method"] = "tai-xa", ["Lines[0].Month"] = "3" });

        Assert.Equal("Năm phải là số từ 2015 đến 2027.", page.QuerySelector("#loi-nam")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#ke-hoach"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, await portal.PlanItemsAsync(desk.Code));
    }

    [Fact]
    public async Task Recording_an_inspection_from_a_plan_item_links_both_ways_and_shows_the_report_due_two_months_after_the_minutes()
    {
        var desk = await portal.ProvinceAsync("22", 1);
        var commune = desk.Communes[0];
        var auditor = await portal.SignedInAsync(desk.Auditor);
        await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(await Html.GetDocumentAsync(auditor, desk.Plan), (commune.Id, "qua-ho-so", "11")));
        var itemId = await portal.PlatformReadAsync(db => db.Set<InspectionPlanItem>().Where(i => i.TenantId == commune.Id).Select(i => i.Id).SingleAsync());

        var plan = await Html.GetDocumentAsync(auditor, desk.Plan);
        var recordUrl = plan.QuerySelector($"#muc-{itemId} a.ghi-nhan")!.GetAttribute("href")!;
        var form = await Html.GetDocumentAsync(auditor, recordUrl);
        var recorded = await Html.PostFormAsync(auditor, recordUrl, new()
        {
            ["Input.InspectedOn"] = "2026-11-10", ["Input.MinutesDate"] = "2026-11-12",
            ["Input.Inspectors"] = "Ông Nguyễn Văn A, Trưởng phòng Tiêu chuẩn Đo lường Chất lượng", ["Input.Summary"] = "Hệ thống cơ bản phù hợp.",
        });

        Assert.Equal($"/{commune.Slug}/danh-gia/kiem-tra-cua-tinh/moi?keHoach={itemId}&hinhThuc=qua-ho-so", recordUrl);
        Assert.Equal("false", form.QuerySelector("input[name='Input.OnSite'][checked]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var inspection = await portal.ReadAsync(commune, db => db.Set<ProvinceInspection>().SingleAsync());
        Assert.Equal((itemId, false, new DateOnly(2027, 1, 12)), (inspection.PlanItemId, inspection.OnSite, inspection.ReportDueDate));

        var inspectionPage = await Html.GetDocumentAsync(auditor, recorded.Headers.Location!.ToString());
        var back = inspectionPage.QuerySelector("#ke-hoach-kiem-tra a")!.GetAttribute("href")!;
        var redirect = await auditor.GetAsync(back);
        var after = await Html.GetDocumentAsync(auditor, desk.Plan);
        var row = after.QuerySelector($"#muc-{itemId}")!;

        Assert.Equal($"/tinh/22/ke-hoach-kiem-tra?muc={itemId}", back);
        Assert.Equal($"/tinh/22/ke-hoach-kiem-tra?nam=2026#muc-{itemId}", redirect.Headers.Location!.ToString());
        Assert.Equal("done", row.GetAttribute("data-status"));
        Assert.Equal($"/{commune.Slug}/danh-gia/kiem-tra-cua-tinh/{inspection.Id}", row.QuerySelector(".tinh-trang a")!.GetAttribute("href"));
        Assert.Contains("Báo cáo khắc phục hạn 12/01/2027", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("select"));

        // The item is carried out once, and what was inspected is no longer re-planned.
        var again = await Html.PostFormAsync(auditor, recordUrl, new()
        {
            ["Input.InspectedOn"] = "2026-11-20", ["Input.MinutesDate"] = "2026-11-20", ["Input.Inspectors"] = "Đoàn khác",
        });
        Assert.Equal("Mục này của kế hoạch kiểm tra đã có kết quả kiểm tra được ghi nhận.", Html.FieldError(await Html.ParseAsync(again), "Input.InspectedOn"));
        var moved = await PostAsync(auditor, desk.Plan, desk.Plan + "?nam=2026",
            new() { ["Lines[0].TenantId"] = Number(commune.Id), ["Lines[0].Method"] = "tai-xa", ["Lines[0].Month"] = "12" });
        Assert.Contains("đã có kết quả kiểm tra theo mục này", (await Html.ParseAsync(moved)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await portal.ReadAsync(commune, db => db.Set<ProvinceInspection>().CountAsync()));
        var kept = await portal.PlatformReadAsync(db => db.Set<InspectionPlanItem>().SingleAsync(i => i.Id == itemId));
        Assert.Equal((false, 11), (kept.OnSite, kept.PlannedMonth));
    }

    [Fact]
    public async Task An_inspection_recorded_without_the_plan_starts_on_site_and_links_no_plan()
    {
        var desk = await portal.ProvinceAsync("24", 1);
        var auditor = await portal.SignedInAsync(desk.Auditor);
        var url = $"/{desk.Communes[0].Slug}/danh-gia/kiem-tra-cua-tinh/moi";

        var form = await Html.GetDocumentAsync(auditor, url);

        Assert.Equal("true", form.QuerySelector("input[name='Input.OnSite'][checked]")!.GetAttribute("value"));
        Assert.Null(form.QuerySelector("input[name='Input.PlanItemId']"));
    }
}
