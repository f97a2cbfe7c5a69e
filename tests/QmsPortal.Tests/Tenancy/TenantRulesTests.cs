using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Tenancy;

public sealed class TenantRulesTests
{
    [Theory]
    [InlineData("Ky-Dong")]
    [InlineData("ky dong")]
    [InlineData("-ky-dong")]
    [InlineData("kỳ-đồng")]
    [InlineData("a")]
    public void A_malformed_slug_is_refused_with_a_Vietnamese_message(string slug)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create(slug, "18001", "Xã Kỳ Đồng", "42", CommuneKind.Xa));

        Assert.Equal("Slug", error.Field);
        Assert.Contains("Đường dẫn", error.Message);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("tai-khoan")]
    public void A_slug_the_platform_uses_is_refused(string slug) =>
        Assert.Contains("đã được hệ thống dùng", Assert.Throws<DomainException>(() => Tenant.Create(slug, "18001", "Xã A", "42", CommuneKind.Xa)).Message);

    [Theory]
    [InlineData("1800")]
    [InlineData("180011")]
    [InlineData("18a01")]
    public void A_commune_code_must_be_five_digits(string code) =>
        Assert.Equal("Code", Assert.Throws<DomainException>(() => Tenant.Create("ky-dong", code, "Xã Kỳ Đồng", "42", CommuneKind.Xa)).Field);

    [Fact]
    public void An_over_long_or_empty_name_is_refused()
    {
        Assert.Equal("Name", Assert.Throws<DomainException>(() => Tenant.Create("ky-dong", "18001", new string('x', 121), "42", CommuneKind.Xa)).Field);
        Assert.Equal("Name", Assert.Throws<DomainException>(() => Tenant.Create("ky-dong", "18001", "   ", "42", CommuneKind.Xa)).Field);
    }

    [Fact]
    public void Host_names_are_normalised_and_malformed_ones_refused()
    {
        var tenant = Tenant.Create("ky-dong", "18001", "Xã Kỳ Đồng", "42", CommuneKind.Xa);

        tenant.AddHostName(" KyDong.HaTinh.gov.vn. ");
        tenant.AddHostName("kydong.hatinh.gov.vn");

        Assert.Equal("kydong.hatinh.gov.vn", Assert.Single(tenant.HostNames).HostName);
        Assert.Throws<DomainException>(() => tenant.AddHostName("kỳ đồng.vn"));
        Assert.Throws<DomainException>(() => tenant.AddHostName("localhost"));
    }

    [Fact]
    public void Disabling_keeps_the_reason_and_enabling_clears_it()
    {
        var tenant = Tenant.Create("ky-dong", "18001", "Xã Kỳ Đồng", "42", CommuneKind.Xa);

        tenant.Disable("  Sáp nhập  ");
        Assert.Equal((TenantStatus.Disabled, "Sáp nhập"), (tenant.Status, tenant.DisabledReason));

        tenant.Enable();
        Assert.Equal((TenantStatus.Active, (string?)null), (tenant.Status, tenant.DisabledReason));
    }
}
