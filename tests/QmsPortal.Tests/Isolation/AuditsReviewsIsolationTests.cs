using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Reviews;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Commune B's management reviews, decisions, objectives and desk statistics never reach commune A's users, and A's pages cannot act on them.</summary>
public sealed class AuditsReviewsIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo A, TenantInfo B, string SecretaryA, string ApproverA, string ApproverB, int ReviewB, int DecisionB, int ObjectiveB);

    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<Setup> SetupAsync()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var secretaryA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]);
        var approverA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.Approver)]);
        var approverB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Approver)], fullName: "Chủ Tịch Xã Bê");
        var auditorB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.InternalAuditor)]);
        await ReviewSeed.ReportedAuditAsync(portal, b, auditorB, "Đánh giá bí mật của xã B", new DateOnly(2026, 9, 10), "Điểm yếu riêng của xã B.");
        var objectiveB = await ReviewSeed.ObjectiveAsync(portal, b, "Mục tiêu riêng của xã B", "%", 95, ObjectiveDirection.AtLeast, (new DateOnly(2026, 10, 1), 77));
        var (reviewB, decisionB) = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new DeskStatistics { Month = new DateOnly(2026, 10, 1), Received = 999, OnTime = 900, Late = 99, Apologies = 99, Satisfied = 1, Surveyed = 2 });
            var chair = await AuditPeople.PersonAsync(sp, approverB);
            var review = ManagementReview.Open(new DateOnly(2026, 11, 20), new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31), chair, true, null, "{}");
            var decision = review.Decide("Quyết định riêng của xã B", chair, new DateOnly(2026, 12, 31));
            db.Add(review);
            await db.SaveChangesAsync();
            return (review.Id, decision.Id);
        }, b);
        return new Setup(a, b, secretaryA, approverA, approverB, reviewB, decisionB, objectiveB);
    }

    [Fact]
    public async Task Commune_Bs_review_and_objective_ids_are_not_found_through_commune_A()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.SecretaryA);

        foreach (var url in new[]
                 {
                     $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao/{s.ReviewB}", $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao/{s.ReviewB}/in",
                     $"/{s.A.Slug}/danh-gia/muc-tieu/{s.ObjectiveB}",
                 })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var reviewsA = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao");
        var objectivesA = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/muc-tieu");
        var importA = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/muc-tieu/nhap-so-lieu");
        var inputsA = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao/moi?tu=2025-11-01&den=2026-10-31");
        Assert.DoesNotContain("riêng của xã B", reviewsA.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(reviewsA.QuerySelector($"tr[data-review='{s.ReviewB}']"));
        Assert.DoesNotContain("riêng của xã B", objectivesA.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(importA.QuerySelector("#so-lieu-mot-cua"));
        foreach (var secret in new[] { "bí mật của xã B", "Điểm yếu riêng", "riêng của xã B", "999" })
        {
            Assert.DoesNotContain(secret, inputsA.QuerySelector("#dau-vao")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Commune_As_users_cannot_open_commune_Bs_review_pages_by_swapping_the_slug()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.SecretaryA);

        foreach (var url in new[]
                 {
                     $"/{s.B.Slug}/danh-gia/xem-xet-lanh-dao", $"/{s.B.Slug}/danh-gia/xem-xet-lanh-dao/moi", $"/{s.B.Slug}/danh-gia/xem-xet-lanh-dao/{s.ReviewB}",
                     $"/{s.B.Slug}/danh-gia/xem-xet-lanh-dao/{s.ReviewB}/in", $"/{s.B.Slug}/danh-gia/muc-tieu", $"/{s.B.Slug}/danh-gia/muc-tieu/{s.ObjectiveB}",
                     $"/{s.B.Slug}/danh-gia/muc-tieu/nhap-so-lieu",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.True(ReviewSeed.IsRefused(response), url);
        }
    }

    [Fact]
    public async Task Acting_through_commune_A_on_commune_Bs_review_decision_or_objective_changes_nothing()
    {
        var s = await SetupAsync();
        var approverA = await portal.SignedInAsync(s.ApproverA);
        var reviewA = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var review = ManagementReview.Open(new DateOnly(2026, 11, 20), new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31), await AuditPeople.PersonAsync(sp, s.ApproverA), true, null, "{}");
            db.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        }, s.A);
        var pageA = $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao/{reviewA}";

        Assert.Equal(HttpStatusCode.NotFound, (await ReviewSeed.PostAsync(approverA, pageA.Replace("/" + S(reviewA), "/" + S(s.ReviewB), StringComparison.Ordinal), "Close", tokenFrom: pageA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewSeed.PostAsync(approverA, $"/{s.A.Slug}/danh-gia/muc-tieu/{s.ObjectiveB}", "Retire", tokenFrom: pageA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewSeed.PostAsync(approverA, $"/{s.A.Slug}/danh-gia/muc-tieu/{s.ObjectiveB}", "Value",
            new() { ["Entry.Month"] = "2026-10", ["Entry.Value"] = "10" }, tokenFrom: pageA)).StatusCode);
        var done = await Html.ParseAsync(await ReviewSeed.PostAsync(approverA, $"{pageA}?item={s.DecisionB}", "Done"));
        Assert.Contains("Không có quyết định này", done.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var bOwner = await Html.ParseAsync(await ReviewSeed.PostAsync(approverA, pageA, "Decide",
            new() { ["Decision.Text"] = "Giao cho người xã khác.", ["Decision.OwnerId"] = await AuditPeople.UserIdAsync(portal, s.ApproverB), ["Decision.DueDate"] = "2026-12-31" }));
        Assert.Equal("Chọn người thực hiện trong số thành viên của xã.", Html.FieldError(bOwner, "Decision.OwnerId"));
        var bChair = await Html.ParseAsync(await ReviewSeed.PostAsync(approverA, $"/{s.A.Slug}/danh-gia/xem-xet-lanh-dao/moi", null, new()
        {
            ["Input.PeriodFrom"] = "2025-11-01", ["Input.PeriodTo"] = "2026-10-31", ["Input.HeldOn"] = "2026-11-20", ["Input.ChairId"] = await AuditPeople.UserIdAsync(portal, s.ApproverB),
        }));
        Assert.NotNull(Html.FieldError(bChair, "Input.ChairId"));

        var b = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            return new
            {
                Status = await db.Set<ManagementReview>().Where(r => r.Id == s.ReviewB).Select(r => r.Status).SingleAsync(),
                Done = await db.Set<ReviewAction>().Where(a => a.Id == s.DecisionB).Select(a => a.DoneOn).SingleAsync(),
                Active = await db.Set<QualityObjective>().Where(o => o.Id == s.ObjectiveB).Select(o => o.IsActive).SingleAsync(),
            };
        }, s.B);
        Assert.Equal(ReviewStatus.Draft, b.Status);
        Assert.Null(b.Done);
        Assert.True(b.Active);
        Assert.Equal(77m, await AuditPeople.ReadAsync(portal, s.B, db => db.Set<ObjectiveValue>().Where(v => v.ObjectiveId == s.ObjectiveB).Select(v => v.Value).SingleAsync()));
        Assert.Equal(1, await AuditPeople.ReadAsync(portal, s.A, db => db.Set<ManagementReview>().CountAsync()));
        Assert.Empty(await AuditPeople.ReadAsync(portal, s.A, db => db.Set<ReviewAction>().ToListAsync()));
    }
}
