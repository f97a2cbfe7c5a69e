using OtpNet;
using QmsPortal.Web.Data;

namespace QmsPortal.Tests.Data;

public sealed class ReauthenticationTests
{
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static string CodeAt(DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(Key)).ComputeTotp(at.UtcDateTime);

    [Fact]
    public void The_current_code_matches_its_time_step()
    {
        var step = Reauthentication.MatchStep(Key, CodeAt(Now), Now, lastStep: null);

        Assert.Equal(Now.ToUnixTimeSeconds() / 30, step);
    }

    [Fact]
    public void A_code_already_used_or_older_than_the_last_used_one_is_refused()
    {
        var step = Reauthentication.MatchStep(Key, CodeAt(Now), Now, lastStep: null)!.Value;

        Assert.Null(Reauthentication.MatchStep(Key, CodeAt(Now), Now, lastStep: step));
        Assert.Null(Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(-30)), Now, lastStep: step));
        Assert.Equal(step + 1, Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(30)), Now.AddSeconds(30), lastStep: step));
    }

    [Fact]
    public void One_step_of_clock_drift_is_allowed_but_not_two()
    {
        Assert.NotNull(Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(-30)), Now, lastStep: null));
        Assert.NotNull(Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(30)), Now, lastStep: null));
        Assert.Null(Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(-90)), Now, lastStep: null));
        Assert.Null(Reauthentication.MatchStep(Key, CodeAt(Now.AddSeconds(90)), Now, lastStep: null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("1234567")]
    public void Malformed_codes_never_match(string code) =>
        Assert.Null(Reauthentication.MatchStep(Key, code, Now, lastStep: null));

    [Fact]
    public void A_code_typed_with_a_space_in_the_middle_is_accepted()
    {
        var code = CodeAt(Now);

        Assert.NotNull(Reauthentication.MatchStep(Key, code[..3] + " " + code[3..], Now, lastStep: null));
    }

    [Fact]
    public void The_key_is_shown_in_groups_of_four_and_the_uri_names_the_portal_and_the_account()
    {
        Assert.Equal("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp", Reauthentication.FormatKey(Key));
        Assert.Equal("otpauth://totp/QmsPortal:thu%40xa.vn?secret=" + Key + "&issuer=QmsPortal&digits=6&period=30",
            Reauthentication.AuthenticatorUri("thu@xa.vn", Key));
    }
}
