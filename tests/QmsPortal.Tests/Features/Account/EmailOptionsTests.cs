using System.ComponentModel.DataAnnotations;
using QmsPortal.Web.Email;

namespace QmsPortal.Tests.Features.Account;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Implicit_TLS_port_465_is_refused_with_the_setting_name()
    {
        var options = new EmailOptions { SmtpHost = "smtp.example.vn", SmtpPort = 465 };

        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Email:SmtpPort 465") && e.MemberNames.Contains(nameof(EmailOptions.SmtpPort)));
    }

    [Fact]
    public void Port_587_with_STARTTLS_is_accepted()
    {
        var options = new EmailOptions { SmtpHost = "smtp.example.vn", SmtpPort = 587 };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
