using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Findings;
using QmsPortal.Web.Tenancy;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Features.Audits.Findings;

/// <summary>Corrective actions on the finding page: planned, reported done, checked for effectiveness, reopened, with history; closing the finding.</summary>
public sealed class CorrectiveActionPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Task<CorrectiveAction> ActionAsync(PortalFactory portal, AuditOffice office, int id) =>
        portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().Include(a => a.Events).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task The_secretary_plans_an_action_whose_root_cause_joins_the_five_whys_and_the_owner_sees_it_as_theirs()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var staff = await portal.PersonAsync(office.Staff);
        var client = await portal.SignedInAsync(office.Secretary);

        var form = await Html.GetDocumentAsync(client, office.Finding(finding));
        var response = await Html.PostFormAsync(client, office.Finding(finding), PlanFields(staff.UserId, portal.Today().AddDays(14)), "Plan");

        Assert.NotNull(form.QuerySelector($"#Plan_OwnerId option[value='{staff.UserId}']"));
        Assert.Equal(5, form.QuerySelectorAll("#nam-tai-sao input").Length);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().SingleAsync());
        Assert.Equal(
            "1. Tại sao? Hồ sơ trả trễ vì công chức không biết hạn trả.\n2. Tại sao? Không có sổ theo dõi hạn trả.\nNguyên nhân gốc: Quy trình thiếu bước theo dõi hạn trả.",
            action.RootCause);
        Assert.Equal((staff.UserId, "Trần Thị Cán", CorrectiveActionStatus.Open), (action.OwnerId, action.OwnerName, action.Status));
        var page = await Html.GetDocumentAsync(client, office.Finding(finding));
        Assert.Contains("Lập kế hoạch khắc phục", page.QuerySelector($"#hanh-dong-{action.Id} .lich-su")!.TextContent, StringComparison.Ordinal);
        var mine = await Html.GetDocumentAsync(await portal.SignedInAsync(office.Staff), office.Actions + "?loc=cua-toi");
        Assert.NotNull(mine.QuerySelector($"#danh-sach-hanh-dong tr[data-id='{action.Id}']"));
    }

    [Fact]
    public async Task Free_text_alone_is_a_root_cause_too()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var staff = await portal.PersonAsync(office.Staff);
        var fields = PlanFields(staff.UserId, portal.Today());
        fields["Plan.Why1"] = fields["Plan.Why2"] = "";

        var response = await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Finding(finding), fields, "Plan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Quy trình thiếu bước theo dõi hạn trả.", await portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().Select(a => a.RootCause).SingleAsync()));
    }

    [Theory]
    [InlineData("Plan.OwnerId", "stranger", "Chọn người thực hiện trong số thành viên của xã.")]
    [InlineData("Plan.DueDate", "2026-11-01", "Hạn hoàn thành không được ở trong quá khứ.")]
    [InlineData("Plan.DueDate", "", "Chọn hạn hoàn thành.")]
    [InlineData("Plan.RootCause", "", "Vui lòng nhập nguyên nhân gốc.")]
    [InlineData("Plan.SuccessCriteria", "", "Vui lòng nhập tiêu chí đánh giá hiệu lực.")]
    [InlineData("Plan.CheckAfterDays", "400", "Thời gian chờ trước khi kiểm tra hiệu lực từ 0 đến 365 ngày.")]
    public async Task A_bad_plan_is_refused_beside_its_field_and_nothing_is_written(string field, string value, string message)
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var fields = PlanFields((await portal.PersonAsync(office.Staff)).UserId, portal.Today().AddDays(7));
        if (field == "Plan.RootCause")
        {
            fields["Plan.Why1"] = fields["Plan.Why2"] = "";
        }

        if (value == "stranger")
        {
            // A user of another commune is no member here.
            var other = await portal.CreateCommuneAsync();
            value = (await portal.PersonAsync(await portal.CreateUserAsync(memberships: [(other, CommuneRole.Staff)]))).UserId;
        }

        fields[field] = value;

        var response = await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Finding(finding), fields, "Plan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().CountAsync()));
    }

    [Fact]
    public async Task Only_nonconformities_get_a_plan_and_only_the_secretary_plans()
    {
        var office = await portal.OfficeAsync();
        var observation = await portal.FindingAsync(office, FindingGrade.Observation);
        var nonconformity = await portal.FindingAsync(office, reference: "PH-2026-902");
        var fields = PlanFields((await portal.PersonAsync(office.Staff)).UserId, portal.Today().AddDays(7));
        var secretary = await portal.SignedInAsync(office.Secretary);

        var page = await Html.GetDocumentAsync(secretary, office.Finding(observation));
        var crafted = await PostAsync(secretary, office.Finding(observation), office.Finding(observation) + "?handler=Plan", fields);
        var byAuditor = await PostAsync(await portal.SignedInAsync(office.Auditor), office.Findings, office.Finding(nonconformity) + "?handler=Plan", fields);
        var byStaff = await PostAsync(await portal.SignedInAsync(office.Staff), office.Findings, office.Finding(nonconformity) + "?handler=Plan", fields);

        Assert.Null(page.QuerySelector("#lap-hanh-dong"));
        Assert.Contains("dành cho điểm không phù hợp", Html.FieldError(await Html.ParseAsync(crafted), "Plan"), StringComparison.Ordinal);
        Assert.True(IsDenied(byAuditor));
        Assert.True(IsDenied(byStaff));
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().CountAsync()));
    }

    [Fact]
    public async Task The_owner_on_staff_reports_the_action_done_and_another_staff_member_cannot()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10));
        var otherStaff = await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.Staff)]);
        var other = await portal.SignedInAsync(otherStaff);
        var owner = await portal.SignedInAsync(office.Staff);

        var otherPage = await Html.GetDocumentAsync(other, office.Finding(finding));
        var byOther = await PostAsync(other, office.Finding(finding), office.Finding(finding) + "?handler=Complete",
            new() { ["Progress.ActionId"] = Number(action), ["Progress.Version"] = "1", ["Progress.Evidence"] = "Tôi làm thay." });
        var empty = await Html.PostFormAsync(owner, office.Finding(finding), new() { ["Progress.Evidence"] = " " }, "Complete");
        var done = await Html.PostFormAsync(owner, office.Finding(finding), new() { ["Progress.Evidence"] = "Sổ theo dõi hạn trả đã lập từ 01/12, ảnh chụp kèm theo." }, "Complete");

        Assert.Null(otherPage.QuerySelector("form.hoan-thanh"));
        Assert.True(IsDenied(byOther));
        Assert.Equal("Vui lòng nhập bằng chứng đã thực hiện.", Html.FieldError(await Html.ParseAsync(empty), "Progress.Evidence"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var saved = await ActionAsync(portal, office, action);
        Assert.Equal((CorrectiveActionStatus.Done, portal.Today(), "Trần Thị Cán"), (saved.Status, saved.CompletedOn, saved.Events[^1].ActorName));
        Assert.Equal([CorrectiveActionChange.Planned, CorrectiveActionChange.Completed], saved.Events.Select(e => e.Change));
    }

    [Fact]
    public async Task The_secretary_may_report_an_action_done_for_its_owner()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10));

        var done = await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Finding(finding), new() { ["Progress.Evidence"] = "Biên bản kiểm tra sổ." }, "Complete");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(CorrectiveActionStatus.Done, (await ActionAsync(portal, office, action)).Status);
    }

    [Fact]
    public async Task An_effectiveness_check_is_refused_before_the_action_is_done_before_its_date_by_the_owner_and_by_staff()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var today = portal.Today();
        var open = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(10));
        var waiting = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(10), checkAfterDays: 30, doneOn: today);
        var approversOwn = await portal.ActionAsync(office, finding, office.Approver, today.AddDays(10), doneOn: today);
        var approver = await portal.SignedInAsync(office.Approver);
        Dictionary<string, string> Check(int id) => new() { ["Check.ActionId"] = Number(id), ["Check.Version"] = "", ["Check.Effective"] = "true", ["Check.Note"] = "Đạt tiêu chí." };
        async Task<AngleSharp.Dom.IDocument> PostCheckAsync(HttpClient client, int id)
        {
            var fields = Check(id);
            fields["Check.Version"] = Number((await ActionAsync(portal, office, id)).Version);
            var response = await PostAsync(client, office.Finding(finding), office.Finding(finding) + "?handler=Check", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Html.ParseAsync(response);
        }

        var notDone = await PostCheckAsync(approver, open);
        var tooEarly = await PostCheckAsync(approver, waiting);
        var own = await PostCheckAsync(approver, approversOwn);
        var page = await Html.GetDocumentAsync(approver, office.Finding(finding));
        var byStaff = await PostAsync(await portal.SignedInAsync(office.Staff), office.Findings, office.Finding(finding) + "?handler=Check", Check(waiting));

        Assert.Equal("Chưa kiểm tra hiệu lực được: hành động chưa được báo hoàn thành.", Html.FieldError(notDone, "Check"));
        Assert.Equal($"Chưa đến hạn kiểm tra hiệu lực (từ ngày {QmsPortal.Web.Text.VietnameseFormat.Date(today.AddDays(30))}).", Html.FieldError(tooEarly, "Check"));
        Assert.Equal("Người thực hiện hành động không tự kiểm tra hiệu lực của nó.", Html.FieldError(own, "Check"));
        Assert.Null(page.QuerySelector($"#hanh-dong-{approversOwn} form.kiem-tra-hieu-luc"));
        Assert.NotNull(page.QuerySelector($"#hanh-dong-{waiting} form.kiem-tra-hieu-luc"));
        Assert.True(IsDenied(byStaff));
        var statuses = await portal.ReadAsync(office.Commune, db => db.Set<CorrectiveAction>().OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal([CorrectiveActionStatus.Open, CorrectiveActionStatus.Done, CorrectiveActionStatus.Done], statuses);
    }

    [Fact]
    public async Task Effective_closes_the_loop_and_only_then_the_nonconformity_closes()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10), doneOn: portal.Today());
        var secretary = await portal.SignedInAsync(office.Secretary);

        var tooSoon = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Close.Note"] = "" }, "Close");
        Assert.Contains("cần ít nhất một hành động khắc phục đã được kiểm tra là có hiệu lực", Html.FieldError(await Html.ParseAsync(tooSoon), "Close"), StringComparison.Ordinal);
        Assert.Equal(FindingStatus.Open, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().Select(f => f.Status).SingleAsync()));

        var noResult = await Html.PostFormAsync(await portal.SignedInAsync(office.Approver), office.Finding(finding), new() { ["Check.Note"] = "Đạt." }, "Check");
        Assert.Equal("Chọn kết quả kiểm tra: có hiệu lực hoặc không có hiệu lực.", Html.FieldError(await Html.ParseAsync(noResult), "Check.Effective"));
        var checkedEffective = await Html.PostFormAsync(await portal.SignedInAsync(office.Approver), office.Finding(finding),
            new() { ["Check.Effective"] = "true", ["Check.Note"] = "Hai tháng không có hồ sơ trễ hạn." }, "Check");
        Assert.Equal(HttpStatusCode.Redirect, checkedEffective.StatusCode);
        var closed = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Close.Note"] = "" }, "Close");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var saved = await ActionAsync(portal, office, action);
        Assert.Equal((CorrectiveActionStatus.Effective, "Phạm Chủ Tịch"), (saved.Status, saved.CheckedByName));
        var page = await Html.GetDocumentAsync(secretary, office.Finding(finding));
        Assert.Contains("Đã đóng", page.QuerySelector("#tinh-trang-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#dong-phat-hien"));
        Assert.Contains("Kiểm tra hiệu lực: có hiệu lực", page.QuerySelector($"#hanh-dong-{action} .lich-su")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observation_closes_with_a_note()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office, FindingGrade.Opportunity);
        var secretary = await portal.SignedInAsync(office.Secretary);

        var noNote = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Close.Note"] = "" }, "Close");
        var byAuditor = await PostAsync(await portal.SignedInAsync(office.Auditor), office.Findings, office.Finding(finding) + "?handler=Close", new() { ["Close.Note"] = "Xong." });
        var closed = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Close.Note"] = "Đã đưa vào kế hoạch cải tiến năm 2027." }, "Close");

        Assert.Equal("Vui lòng nhập ghi chú khi đóng.", Html.FieldError(await Html.ParseAsync(noNote), "Close.Note"));
        Assert.True(IsDenied(byAuditor));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var saved = await portal.ReadAsync(office.Commune, db => db.Set<Finding>().SingleAsync());
        Assert.Equal((FindingStatus.Closed, "Đã đưa vào kế hoạch cải tiến năm 2027.", "Lê Thị Thư"), (saved.Status, saved.ClosingNote, saved.ClosedByName));
    }

    [Fact]
    public async Task Not_effective_reopens_the_action_with_a_new_due_date_and_the_history_keeps_every_step()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var today = portal.Today();
        var action = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), doneOn: today);
        var secretary = await portal.SignedInAsync(office.Secretary);

        var noDate = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Check.Effective"] = "false", ["Check.Note"] = "Vẫn còn 3 hồ sơ trễ." }, "Check");
        var pastDate = await Html.PostFormAsync(secretary, office.Finding(finding),
            new() { ["Check.Effective"] = "false", ["Check.Note"] = "Vẫn còn 3 hồ sơ trễ.", ["Check.NewDueDate"] = Iso(today.AddDays(-1)) }, "Check");
        Assert.Equal("Hành động không có hiệu lực sẽ được mở lại: chọn hạn hoàn thành mới.", Html.FieldError(await Html.ParseAsync(noDate), "Check.NewDueDate"));
        Assert.Contains("không ở trong quá khứ", Html.FieldError(await Html.ParseAsync(pastDate), "Check.NewDueDate"), StringComparison.Ordinal);
        Assert.Equal(CorrectiveActionStatus.Done, (await ActionAsync(portal, office, action)).Status);

        var reopened = await Html.PostFormAsync(secretary, office.Finding(finding),
            new() { ["Check.Effective"] = "false", ["Check.Note"] = "Vẫn còn 3 hồ sơ trễ.", ["Check.NewDueDate"] = Iso(today.AddDays(20)) }, "Check");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var saved = await ActionAsync(portal, office, action);
        Assert.Equal((CorrectiveActionStatus.Open, today.AddDays(20), (DateOnly?)null), (saved.Status, saved.DueDate, saved.CompletedOn));
        Assert.Equal([CorrectiveActionChange.Planned, CorrectiveActionChange.Completed, CorrectiveActionChange.CheckedNotEffective, CorrectiveActionChange.Planned],
            saved.Events.Select(e => e.Change));
        var page = await Html.GetDocumentAsync(secretary, office.Finding(finding));
        var history = page.QuerySelectorAll($"#hanh-dong-{action} .lich-su tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["Lập kế hoạch khắc phục", "Báo cáo đã thực hiện", "Kiểm tra hiệu lực: không có hiệu lực, mở lại", "Đặt lại hạn hoàn thành"], history);
        Assert.Contains("Vẫn còn 3 hồ sơ trễ.", page.QuerySelector($"#hanh-dong-{action} .lich-su")!.TextContent, StringComparison.Ordinal);

        // The owner works on it again and reports it done a second time.
        var again = await Html.PostFormAsync(await portal.SignedInAsync(office.Staff), office.Finding(finding), new() { ["Progress.Evidence"] = "Đã rà soát lại toàn bộ sổ." }, "Complete");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(CorrectiveActionStatus.Done, (await ActionAsync(portal, office, action)).Status);
    }

    [Fact]
    public async Task A_form_gone_stale_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10));
        var secretary = await portal.SignedInAsync(office.Secretary);
        var staleVersion = Number((await ActionAsync(portal, office, action)).Version);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(await portal.SignedInAsync(office.Staff), office.Finding(finding),
            new() { ["Progress.Evidence"] = "Đã lập sổ." }, "Complete")).StatusCode);

        var stale = await PostAsync(secretary, office.Finding(finding), office.Finding(finding) + "?handler=Reschedule",
            new() { ["Reschedule.ActionId"] = Number(action), ["Reschedule.Version"] = staleVersion, ["Reschedule.DueDate"] = Iso(portal.Today().AddDays(40)) });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Equal(FindingModel.StaleMessage, Html.FieldError(page, "Reschedule"));
        var saved = await ActionAsync(portal, office, action);
        Assert.Equal((CorrectiveActionStatus.Done, portal.Today().AddDays(10), 2), (saved.Status, saved.DueDate, saved.Events.Count));
        // The page shown after the refusal is the fresh one: the action now waits for its check.
        Assert.Equal(nameof(CorrectiveActionStatus.Done), page.QuerySelector($"#hanh-dong-{action}")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_version_only_the_first_wins()
    {
        var office = await portal.OfficeAsync();
        var action = await portal.ActionAsync(office, await portal.FindingAsync(office), office.Staff, portal.Today().AddDays(10));
        var secretary = await portal.PersonAsync(office.Secretary);

        // The page's last line of defence: the version in the UPDATE's WHERE clause, when both read before either wrote.
        var lost = await Record.ExceptionAsync(() => portal.InScopeAsync(async first =>
        {
            var firstDb = first.GetRequiredService<QmsDbContext>();
            var mine = await firstDb.Set<CorrectiveAction>().SingleAsync(a => a.Id == action);
            await portal.InScopeAsync(async second =>
            {
                var secondDb = second.GetRequiredService<QmsDbContext>();
                (await secondDb.Set<CorrectiveAction>().SingleAsync(a => a.Id == action)).Reschedule(portal.Today().AddDays(20), portal.Today(), secretary, portal.Clock.GetUtcNow());
                await secondDb.SaveChangesAsync();
            }, office.Commune);
            mine.Reschedule(portal.Today().AddDays(30), portal.Today(), secretary, portal.Clock.GetUtcNow());
            await firstDb.SaveChangesAsync();
        }, office.Commune));

        Assert.IsType<DbUpdateConcurrencyException>(lost);
        Assert.Equal(portal.Today().AddDays(20), (await ActionAsync(portal, office, action)).DueDate);
    }

    [Fact]
    public async Task The_secretary_sets_a_new_due_date_for_an_open_action()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10));
        var secretary = await portal.SignedInAsync(office.Secretary);

        var missing = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Reschedule.DueDate"] = "" }, "Reschedule");
        var moved = await Html.PostFormAsync(secretary, office.Finding(finding), new() { ["Reschedule.DueDate"] = Iso(portal.Today().AddDays(30)) }, "Reschedule");

        Assert.Equal("Chọn hạn hoàn thành mới.", Html.FieldError(await Html.ParseAsync(missing), "Reschedule.DueDate"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var saved = await ActionAsync(portal, office, action);
        Assert.Equal(portal.Today().AddDays(30), saved.DueDate);
        Assert.StartsWith("Hạn mới", saved.Events[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_due_date_in_the_past_or_set_by_anyone_but_the_secretary_is_refused_and_nothing_changes()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(10));
        var fields = new Dictionary<string, string> { ["Reschedule.ActionId"] = Number(action), ["Reschedule.Version"] = "1", ["Reschedule.DueDate"] = Iso(portal.Today().AddDays(30)) };

        var past = await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Finding(finding),
            new() { ["Reschedule.DueDate"] = Iso(portal.Today().AddDays(-1)) }, "Reschedule");
        Assert.Equal("Chỉ đặt lại hạn cho hành động đang mở, và hạn mới không ở trong quá khứ.", Html.FieldError(await Html.ParseAsync(past), "Reschedule.DueDate"));
        // The owner, an auditor and an approver may not move the date either: only the secretary manages actions.
        foreach (var email in new[] { office.Staff, office.Auditor, office.Approver })
        {
            Assert.True(IsDenied(await PostAsync(await portal.SignedInAsync(email), office.Findings, office.Finding(finding) + "?handler=Reschedule", fields)), email);
        }

        var saved = await ActionAsync(portal, office, action);
        Assert.Equal((portal.Today().AddDays(10), 1), (saved.DueDate, saved.Events.Count));
    }

    [Fact]
    public async Task The_actions_list_shows_open_overdue_check_due_and_effective_actions_and_what_falls_due()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var today = portal.Today();
        var open = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(10));
        var overdue = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(-2), plannedOn: today.AddDays(-20));
        var checkDue = await portal.ActionAsync(office, finding, office.Approver, today.AddDays(3), doneOn: today);
        var effective = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(3), doneOn: today);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var a = await db.Set<CorrectiveAction>().SingleAsync(x => x.Id == effective);
            a.CheckEffectiveness(true, "Đạt.", today, await portal.PersonAsync(office.Secretary), portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, office.Commune);
        var client = await portal.SignedInAsync(office.Approver);

        async Task<List<int>> Listed(string filter) => (await Html.GetDocumentAsync(client, office.Actions + filter))
            .QuerySelectorAll("#danh-sach-hanh-dong tbody tr").Select(r => int.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal([overdue, open], await Listed("?loc=dang-mo"));
        Assert.Equal([overdue], await Listed("?loc=qua-han"));
        Assert.Equal([checkDue], await Listed("?loc=can-kiem-tra"));
        Assert.Equal([effective], await Listed("?loc=hieu-luc"));
        Assert.Equal([checkDue], await Listed("?loc=cua-toi"));
        Assert.Equal(4, (await Listed("")).Count);
        var page = await Html.GetDocumentAsync(client, office.Actions);
        var due = page.QuerySelectorAll("#viec-den-han li").Select(li => (li.GetAttribute("data-kind"), li.GetAttribute("data-id"))).ToList();
        Assert.Equal([(nameof(DueKind.CorrectiveAction), Number(overdue)), (nameof(DueKind.EffectivenessCheck), Number(checkDue)), (nameof(DueKind.CorrectiveAction), Number(open))], due);
        Assert.Contains("Quá hạn", page.QuerySelector($"#viec-den-han li[data-id='{overdue}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_of_an_action_cannot_be_changed_even_with_raw_SQL()
    {
        var office = await portal.OfficeAsync();
        var action = await portal.ActionAsync(office, await portal.FindingAsync(office), office.Staff, portal.Today().AddDays(3), doneOn: portal.Today());

        var rawUpdate = await Record.ExceptionAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Database
            .ExecuteSqlAsync($"UPDATE \"CorrectiveActionEvents\" SET \"Note\" = 'sửa' WHERE \"CorrectiveActionId\" = {action}")));
        var rawDelete = await Record.ExceptionAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Database
            .ExecuteSqlAsync($"DELETE FROM \"CorrectiveActionEvents\" WHERE \"CorrectiveActionId\" = {action}")));

        Assert.IsAssignableFrom<System.Data.Common.DbException>(rawUpdate);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(rawDelete);
        var events = (await ActionAsync(portal, office, action)).Events;
        Assert.Equal(2, events.Count);
        Assert.Equal("Sổ theo dõi đã lập.", events[^1].Note);
    }
}
