using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>The per-field form of a province catalogue TTHC: preview of what communes must accept, then a new version.</summary>
public sealed class EditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Province = "44";

    [Fact]
    public async Task Changing_a_fee_previews_exactly_that_change_then_saves_a_new_version_that_makes_the_posting_stale()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: Province);
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(Province, TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync(Province));

        var preview = await Html.ParseAsync(await Html.PostFormAsync(editor, CatalogueKit.EditPage(Province, code),
            new() { ["Input.Channels[0].FeeAmount"] = "200000" }, "Preview"));

        var change = Assert.Single(preview.QuerySelectorAll(".tthc-confirm .tthc-changes li"));
        Assert.Equal("Phí (trực tiếp tại bộ phận một cửa): \"\" → \"200.000 đ\".", change.TextContent);
        Assert.StartsWith("1 xã, phường đang niêm yết thủ tục này", preview.QuerySelector(".tthc-communes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await portal.VersionCountAsync(Province, code));
        Assert.False((await States(commune)).Single(s => s.Code == code).IsStale);

        var saved = await Html.SubmitAsync(editor, preview, [], "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await portal.VersionCountAsync(Province, code));
        var stored = await portal.CurrentAsync(Province, code);
        Assert.Equal("200.000 đ", stored.Channels[0].Fee);
        var expected = TthcBuilder.Procedure(code);
        expected.Channels[0].Fee = "200.000 đ";
        Assert.Equal(expected.ToJson(), stored.ToJson());
        var state = (await States(commune)).Single(s => s.Code == code);
        Assert.True(state.IsStale);
        Assert.Contains(state.Changes, c => c.Contains("200.000 đ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_comes_back_with_each_Vietnamese_message_next_to_its_field_and_nothing_is_saved()
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(Province, TthcBuilder.Procedure(code));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync(Province));

        var response = await Html.PostFormAsync(editor, CatalogueKit.EditPage(Province, code), new()
        {
            ["Input.Name"] = "",
            ["Input.Cases[0].Papers[1].Copies"] = "-1",
            ["Input.Cases[1].Papers[0].Originals"] = "một",
            ["Input.Decision.Date"] = "31/02/2026",
            ["Input.Channels[1].FeeAmount"] = "hai trăm nghìn",
            ["Input.Channels[0].TimeLimit.Value"] = "ba",
        }, "Preview");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".tthc-confirm"));
        Assert.Equal("Tên thủ tục không được để trống.", Html.FieldError(page, "Input.Name"));
        Assert.Equal("Số bản sao không được âm.", Html.FieldError(page, "Input.Cases[0].Papers[1].Copies"));
        Assert.Equal("Số bản chính phải là số nguyên (0, 1, 2…).", Html.FieldError(page, "Input.Cases[1].Papers[0].Originals"));
        Assert.StartsWith("Ngày ký quyết định công bố không hợp lệ", Html.FieldError(page, "Input.Decision.Date"), StringComparison.Ordinal);
        Assert.StartsWith("Phí, lệ phí (số tiền) phải là số đồng", Html.FieldError(page, "Input.Channels[1].FeeAmount"), StringComparison.Ordinal);
        Assert.StartsWith("Thời hạn giải quyết phải là một số", Html.FieldError(page, "Input.Channels[0].TimeLimit.Value"), StringComparison.Ordinal);
        Assert.Null(Html.FieldError(page, "Input.Field"));
        // What was typed stays in the form.
        Assert.Equal("hai trăm nghìn", page.QuerySelector("input[name='Input.Channels[1].FeeAmount']")!.GetAttribute("value"));
        Assert.Equal(1, await portal.VersionCountAsync(Province, code));
    }

    [Fact]
    public async Task An_untouched_form_changes_nothing()
    {
        var code = TthcBuilder.NextCode();
        var record = TthcBuilder.Procedure(code);
        record.Aliases.Add(TthcBuilder.NextCode());
        record.Unconfirmed.Add(ProcedureFields.Conditions);
        record.Channels[1].Fee = "15.000 đ; giảm 50% khi nộp trực tuyến";
        await portal.ImportAsync(Province, record);
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync(Province));

        var page = await Html.ParseAsync(await Html.PostFormAsync(editor, CatalogueKit.EditPage(Province, code), [], "Preview"));

        Assert.Null(page.QuerySelector(".tthc-confirm"));
        Assert.Contains("Không có thay đổi nào", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("15000", page.QuerySelector("input[name='Input.Channels[1].FeeAmount']")!.GetAttribute("value"));
        Assert.Equal(1, await portal.VersionCountAsync(Province, code));
    }

    [Fact]
    public async Task A_new_procedure_is_created_from_the_form_with_rows_added_server_side()
    {
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync(Province));
        var blank = await Html.GetDocumentAsync(editor, CatalogueKit.EditPage(Province));
        var steps = blank.QuerySelectorAll("textarea[name^='Input.Steps[']").Length;

        var moreButton = blank.QuerySelector("button[name=grow][value=steps]")!;
        var more = await Html.ParseAsync(await Html.SubmitAsync(editor, blank, new() { ["grow"] = "steps", ["Input.Steps[0]"] = "Nộp hồ sơ." }, "Preview",
            formAction: moreButton.GetAttribute("formaction")));
        Assert.Equal(1 + ProcedureForm.BlankRows + ProcedureForm.MoreRows, more.QuerySelectorAll("textarea[name^='Input.Steps[']").Length);
        Assert.True(steps < more.QuerySelectorAll("textarea[name^='Input.Steps[']").Length);
        Assert.Equal("Nộp hồ sơ.", more.QuerySelector("textarea[name='Input.Steps[0]']")!.TextContent);

        var code = TthcBuilder.NextCode();
        var preview = await Html.ParseAsync(await Html.SubmitAsync(editor, more, new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Đăng ký thử trên web",
            ["Input.Field"] = "Hộ tịch",
            ["Input.Steps[3]"] = "Nhận kết quả.",
            ["Input.Channels[0].Kind"] = "truc-tiep",
            ["Input.Channels[0].TimeLimit.Unit"] = "ngay-lam-viec",
            ["Input.Channels[0].TimeLimit.Value"] = "3",
            ["Input.Channels[0].FeeAmount"] = "200.000",
            ["Input.Cases[0].Name"] = "Trường hợp thông thường",
            ["Input.Cases[0].Papers[0].Name"] = "Tờ khai",
            ["Input.Cases[0].Papers[0].Originals"] = "1",
            ["Input.Cases[0].Papers[0].Copies"] = "0",
            ["Input.FeeExemption"] = TthcBuilder.Exemption,
            ["Input.LegalBases[0].Number"] = "60/2014/QH13",
            ["Input.LegalBases[0].Title"] = "Luật Hộ tịch",
            ["Input.Decision.Number"] = "12/QĐ-UBND",
            ["Input.Decision.Date"] = "05/01/2026",
            ["Input.Decision.EffectiveFrom"] = "2026-01-15",
        }, "Preview"));
        Assert.Contains("Thủ tục mới", preview.QuerySelector(".tthc-confirm .tthc-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await portal.VersionCountAsync(Province, code));

        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(editor, preview, [], "Save")).StatusCode);

        var stored = await portal.CurrentAsync(Province, code);
        Assert.Equal(["Nộp hồ sơ.", "Nhận kết quả."], stored.Steps);
        Assert.Equal("200.000 đ", stored.Channels.Single().Fee);
        Assert.Equal(3m, stored.Channels.Single().TimeLimit!.Value);
        Assert.Equal(TthcBuilder.Exemption, stored.FeeExemption);
        Assert.Equal(new DateOnly(2026, 1, 5), stored.Decision!.Date);
        Assert.Equal(new DateOnly(2026, 1, 15), stored.Decision.EffectiveFrom);
        Assert.Equal("Tờ khai", stored.Cases.Single().Papers.Single().Name);
        Assert.Equal("Luật Hộ tịch", stored.LegalBases.Single().Title);

        // The same code again is refused on the code field.
        var again = await Html.ParseAsync(await Html.PostFormAsync(editor, CatalogueKit.EditPage(Province),
            new() { ["Input.Code"] = code, ["Input.Name"] = "Trùng mã", ["Input.Field"] = "Hộ tịch" }, "Preview"));
        Assert.StartsWith($"Mã {code} đã có trong danh mục của tỉnh", Html.FieldError(again, "Input.Code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_over_a_version_published_meanwhile_is_refused()
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(Province, TthcBuilder.Procedure(code));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync(Province));
        var preview = await Html.ParseAsync(await Html.PostFormAsync(editor, CatalogueKit.EditPage(Province, code), new() { ["Input.Name"] = "Tên mới" }, "Preview"));
        var meanwhile = TthcBuilder.Procedure(code);
        meanwhile.FeeText = "Đổi trong lúc đang sửa";
        await portal.ImportAsync(Province, meanwhile);

        var page = await Html.ParseAsync(await Html.SubmitAsync(editor, preview, [], "Save"));

        Assert.Contains("đã có phiên bản mới (phiên bản 2)", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await portal.VersionCountAsync(Province, code));
        Assert.Equal("Đăng ký thử nghiệm", (await portal.CurrentAsync(Province, code)).Name);
    }

    private Task<List<PostingState>> States(TenantInfo commune) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<PostingCompleteness>().StatesAsync(), commune);
}
