using System.ComponentModel.DataAnnotations;
using QmsPortal.Web.Email;

namespace QmsPortal.Tests.Features.Account;

public sealed class EmailOptionsTests
{
    private static bool Valid(EmailOptions options) => Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    /// <summary>
    /// Port 465 speaks TLS from connect, which MailKit does; 465 without it is a mistake the outbox reports (a red line
    /// on /admin/thu-di, BadMailSettingsTests) rather than a start-up failure: mail settings never stop the site.
    /// </summary>
    [Fact]
    public void Port_465_is_accepted_at_start_up_with_or_without_TLS_from_connect()
    {
        Assert.True(Valid(new EmailOptions { SmtpHost = "smtp.example.vn", SmtpPort = 465, Security = SmtpSecurity.SslOnConnect }));
        Assert.True(Valid(new EmailOptions { SmtpHost = "smtp.example.vn", SmtpPort = 465 }));
    }

    [Fact]
    public void Port_587_with_STARTTLS_is_the_default()
    {
        var options = new EmailOptions { SmtpHost = "smtp.example.vn" };

        Assert.True(Valid(options));
        Assert.Equal((587, SmtpSecurity.StartTls), (options.SmtpPort, options.EffectiveSecurity));
        Assert.Equal("SMTP smtp.example.vn:587 (STARTTLS)", options.Destination("/srv/qms"));
    }

    [Fact]
    public void The_older_EnableStartTls_false_still_means_no_encryption_unless_Security_says_otherwise()
    {
        Assert.Equal(SmtpSecurity.None, new EmailOptions { EnableStartTls = false }.EffectiveSecurity);
        Assert.Equal(SmtpSecurity.SslOnConnect, new EmailOptions { EnableStartTls = false, Security = SmtpSecurity.SslOnConnect }.EffectiveSecurity);
        Assert.Equal("SMTP 127.0.0.1:25 (không mã hoá)", new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = 25, EnableStartTls = false }.Destination("/srv/qms"));
    }

    [Fact]
    public void Without_a_host_mail_goes_to_the_full_path_of_the_pickup_folder()
    {
        Assert.Equal($"thư mục {Path.GetFullPath("/srv/qms/App_Data/mail")}", new EmailOptions().Destination("/srv/qms"));
        Assert.Equal("TLS", new EmailOptions { SmtpHost = "mail.xa.vn", SmtpPort = 465, Security = SmtpSecurity.SslOnConnect }.Destination("/")[^4..^1]);
    }
}
