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

    [Fact]
    public void A_taken_slug_is_offered_with_the_province_name_folded_to_ascii_then_with_the_province_code()
    {
        var suggestions = Tenant.SlugSuggestions("tuyen-binh", "Tỉnh Tây Ninh", "80");

        Assert.Equal(["tuyen-binh-tay-ninh", "tuyen-binh-80", "tuyen-binh-80-2"], suggestions.Take(3).ToArray());
        Assert.Equal("tuyen-binh-ho-chi-minh", Tenant.SlugSuggestions("tuyen-binh", "Thành phố Hồ Chí Minh", "79")[0]);
        Assert.Equal("tuyen-binh-dak-lak", Tenant.SlugSuggestions("tuyen-binh", "Tỉnh Đắk Lắk", "66")[0]);
    }

    [Fact]
    public void A_slug_suggestion_keeps_the_sixty_character_rule()
    {
        var longSlug = "xa-" + new string('a', 57);

        foreach (var suggestion in Tenant.SlugSuggestions(longSlug, "Tỉnh Quảng Trị", "44"))
        {
            Assert.True(suggestion.Length <= 60, suggestion);
            Tenant.Create(suggestion, "18001", "Xã A", "44", CommuneKind.Xa);
        }
    }
}
