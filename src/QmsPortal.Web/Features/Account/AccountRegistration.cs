using Microsoft.AspNetCore.Identity;
using QmsPortal.Web.Data;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Account;

public static class AccountRegistration
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        // A province auditor's communes are listed on their account page.
        services.AddPlatformNavItem("Xã, phường của tỉnh", "/tai-khoan", 20, Shared.PortalWebRegistration.ProvinceAuditorPolicy);
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // No lockout: a stranger who knows an address could lock its owner out. PasswordAttempts slows guessing instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<QmsDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/tai-khoan/dang-nhap";
            o.LogoutPath = "/tai-khoan/dang-xuat";
            o.AccessDeniedPath = "/tai-khoan/khong-co-quyen";
            o.Cookie.Name = "qms.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddRateLimiter(AccountFormLimits.AddPolicy);

        services.AddScoped<Tenancy.CommuneAccess>();
        services.AddSingleton<SetupToken>();
        services.AddScoped<PlatformAdminCreator>();
        services.AddScoped<RecipeUsers>();
        services.AddScoped<Email.IMailComposer, InvitationMail>();
        services.AddScoped<Email.IMailComposer, PasswordResetMail>();
        services.AddScoped<Recipes.IRecipeStep, CommuneMembersStep>();
        services.AddScoped<Recipes.IRecipeStep, PlatformUsersStep>();
        return services;
    }
}

/// <summary>Identity's messages in Vietnamese: they reach users on sign-in, password and user forms.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã có lỗi, vui lòng thử lại.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Dữ liệu vừa được người khác thay đổi, vui lòng tải lại.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Mã xác nhận không hợp lệ hoặc đã hết hạn.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Tên đăng nhập \"{userName}\" không hợp lệ.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Địa chỉ thư điện tử \"{email}\" không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Tên đăng nhập \"{userName}\" đã có người dùng.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Thư điện tử \"{email}\" đã được đăng ký.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Vai trò \"{role}\" đã tồn tại.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Người dùng đã có vai trò \"{role}\".");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Người dùng không có vai trò \"{role}\".");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Không bật khóa tài khoản cho người dùng này.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số (0–9).");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường (a–z).");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa (A–Z).");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
