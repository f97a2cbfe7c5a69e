using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Reminders.Sending;

/// <summary>
/// The text of reminder mails, plain and HTML with the same content. Links come from the configured addresses
/// (<see cref="PublicUrls"/>), never from a request. Titles are the communes' own data: HTML-encoded.
/// </summary>
internal static class ReminderMails
{
    public static EmailMessage Digest(ReminderPass.PersonDigest digest, DateOnly today, PublicUrls urls)
    {
        var items = digest.Items.ToList();
        var overdue = items.Count(i => i.Entry.Item.IsOverdue(today));
        var communes = items.Select(i => i.Commune).DistinctBy(c => c.Id).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var subject = $"Việc đến hạn ngày {VietnameseFormat.Date(today)}: {items.Count} việc"
            + (overdue > 0 ? $", {overdue} quá hạn" : "")
            + (communes.Count == 1 ? $" — UBND {communes[0].Name}" : $" tại {communes.Count} xã, phường");
        var account = urls.Platform("tai-khoan");

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine($"Kính gửi {digest.Person.FullName},").AppendLine()
            .AppendLine($"Đây là những việc đến hạn của bạn tính đến ngày {VietnameseFormat.Date(today)} (ngày làm việc, giờ Việt Nam). Việc có dấu * là nhắc mới hôm nay.");
        html.Append("<p>Kính gửi ").Append(Encode(digest.Person.FullName)).Append(",</p><p>Đây là những việc đến hạn của bạn tính đến ngày ")
            .Append(VietnameseFormat.Date(today)).Append(" (ngày làm việc, giờ Việt Nam). Việc ghi <strong>mới</strong> là nhắc mới hôm nay.</p>");
        foreach (var commune in communes)
        {
            text.AppendLine().AppendLine($"UBND {commune.Name}");
            html.Append("<h2 style=\"font-size:1.1em\">UBND ").Append(Encode(commune.Name)).Append("</h2><ul>");
            foreach (var item in items.Where(i => i.Commune.Id == commune.Id))
            {
                text.AppendLine($"{(item.IsNew ? "*" : "-")} {item.Label}: {item.Entry.Item.Title}")
                    .AppendLine($"  Hạn {VietnameseFormat.Date(item.Entry.Item.DueDate)} ({item.Entry.Step.Text}) — {item.Link}");
                html.Append("<li>").Append(item.IsNew ? "<strong>mới</strong> · " : "").Append(Encode(item.Label)).Append(": <a href=\"")
                    .Append(Encode(item.Link)).Append("\">").Append(Encode(item.Entry.Item.Title)).Append("</a><br>Hạn ")
                    .Append(VietnameseFormat.Date(item.Entry.Item.DueDate)).Append(" (").Append(Encode(item.Entry.Step.Text)).Append(")</li>");
            }

            html.Append("</ul>");
        }

        text.AppendLine().AppendLine($"Danh sách đầy đủ ở trang \"Việc của tôi\" của từng xã. Không muốn nhận thư tổng hợp hằng ngày? Tắt tại \"Tài khoản của tôi\": {account}")
            .AppendLine("(Thư báo việc quá hạn gửi lãnh đạo vẫn được gửi.)");
        html.Append("<p>Danh sách đầy đủ ở trang “Việc của tôi” của từng xã. Không muốn nhận thư tổng hợp hằng ngày? Tắt tại <a href=\"")
            .Append(Encode(account)).Append("\">Tài khoản của tôi</a> (thư báo việc quá hạn gửi lãnh đạo vẫn được gửi).</p>");
        return new EmailMessage(digest.Person.Email, digest.Person.FullName, subject, text.ToString(), Page(subject, html));
    }

    public static EmailMessage Escalation(ReminderPass.PersonDigest escalation, DateOnly today)
    {
        var commune = escalation.Commune!;
        var items = escalation.Items.ToList();
        var subject = $"Cần chỉ đạo: {items.Count} việc quá hạn tại UBND {commune.Name}";
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine($"Kính gửi {escalation.Person.FullName},").AppendLine()
            .AppendLine($"Những việc sau của UBND {commune.Name} đã quá hạn quá số ngày làm việc xã đặt cho việc báo lãnh đạo (tính đến {VietnameseFormat.Date(today)}):");
        html.Append("<p>Kính gửi ").Append(Encode(escalation.Person.FullName)).Append(",</p><p>Những việc sau của UBND ").Append(Encode(commune.Name))
            .Append(" đã quá hạn quá số ngày làm việc xã đặt cho việc báo lãnh đạo (tính đến ").Append(VietnameseFormat.Date(today)).Append("):</p><ul>");
        foreach (var item in items)
        {
            var who = item.Entry.Item.Roles is { Count: > 0 } roles ? string.Join(", ", roles.Select(CommuneRoleLabels.Label)) : "người được giao";
            text.AppendLine($"- {item.Label}: {item.Entry.Item.Title}")
                .AppendLine($"  Hạn {VietnameseFormat.Date(item.Entry.Item.DueDate)} ({item.Entry.Step.Text}); người thực hiện: {who} — {item.Link}");
            html.Append("<li>").Append(Encode(item.Label)).Append(": <a href=\"").Append(Encode(item.Link)).Append("\">").Append(Encode(item.Entry.Item.Title))
                .Append("</a><br>Hạn ").Append(VietnameseFormat.Date(item.Entry.Item.DueDate)).Append(" (").Append(Encode(item.Entry.Step.Text))
                .Append("); người thực hiện: ").Append(Encode(who)).Append("</li>");
        }

        text.AppendLine().AppendLine("Thư này gửi một lần cho mỗi việc, không tắt được trong tài khoản.");
        html.Append("</ul><p>Thư này gửi một lần cho mỗi việc, không tắt được trong tài khoản.</p>");
        return new EmailMessage(escalation.Person.Email, escalation.Person.FullName, subject, text.ToString(), Page(subject, html));
    }

    private static string Page(string title, StringBuilder body) =>
        $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body style=\"font-family:sans-serif;line-height:1.5\">{body}</body></html>";

    /// <summary>Vietnamese letters stay readable in the HTML source; markup characters are encoded.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string value) => Html.Encode(value);
}
