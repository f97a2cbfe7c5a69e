using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// Creates users by e-mail (idempotent) with a password from the recipe. Passwords in a file are known to
/// everybody who reads it, so both user steps run only in demo recipes (<c>"demo": true</c>).
/// </summary>
public sealed class RecipeUsers(UserManager<PortalUser> users, IPasswordValidator<PortalUser> passwords)
{
    public async Task ValidateAsync(RecipeStepContext step, string listName, CancellationToken cancellationToken)
    {
        if (!step.Recipe.IsDemo)
        {
            step.Error(listName, "Chỉ công thức dữ liệu mẫu (\"demo\": true) được tạo người dùng kèm mật khẩu.");
        }

        var i = 0;
        foreach (var user in step.Json[listName]!.AsArray().OfType<JsonObject>())
        {
            var password = (string?)user["password"] ?? "";
            var result = await passwords.ValidateAsync(users, new PortalUser(), password);
            if (!result.Succeeded)
            {
                step.Error($"{listName}[{i}].password", string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            i++;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task<PortalUser> EnsureAsync(JsonObject json)
    {
        var email = ((string?)json["email"] ?? "").Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            Apply(user, json);
            Check(await users.CreateAsync(user, (string)json["password"]!), email);
        }
        else
        {
            Apply(user, json);
            Check(await users.UpdateAsync(user), email);
        }

        return user;
    }

    private static void Apply(PortalUser user, JsonObject json)
    {
        user.FullName = (string?)json["fullName"] ?? user.FullName;
        user.JobTitle = (string?)json["jobTitle"] ?? user.JobTitle;
        if ((string?)json["province"] is not { } province)
        {
            return;
        }

        // "province" names the province of each province role the entry gives: the one inspected, the catalogue edited, or both.
        var roles = json["roles"] is JsonArray list ? list.Select(r => (string?)r).ToList() : [];
        if (roles.Contains(PlatformRoles.ProvinceEditor))
        {
            user.EditedProvinceCode = province;
        }

        if (!roles.Contains(PlatformRoles.ProvinceEditor) || roles.Contains(PlatformRoles.ProvinceAuditor))
        {
            user.SupervisedProvinceCode = province;
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new DomainException($"Không tạo được người dùng {email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary><c>"step": "commune-members"</c> — demo users with their roles in the current commune.</summary>
public sealed class CommuneMembersStep(RecipeUsers recipeUsers, QmsDbContext db) : IRecipeStep
{
    public string Name => "commune-members";

    public RecipeScope Scope => RecipeScope.Commune;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken) =>
        recipeUsers.ValidateAsync(step, "members", cancellationToken);

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var tenantId = step.RequiredTenant.Id;
        foreach (var member in step.Json["members"]!.AsArray().OfType<JsonObject>())
        {
            var user = await recipeUsers.EnsureAsync(member);
            var existing = await db.Memberships.Where(m => m.UserId == user.Id && m.TenantId == tenantId).Select(m => m.Role).ToListAsync(cancellationToken);
            foreach (var role in member["roles"]!.AsArray().Select(r => Enum.Parse<CommuneRole>((string)r!)).Except(existing))
            {
                db.Memberships.Add(new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = role });
            }
        }
    }
}

/// <summary><c>"step": "platform-users"</c> — demo platform admins, province auditors and province catalogue editors.</summary>
public sealed class PlatformUsersStep(RecipeUsers recipeUsers, UserManager<PortalUser> users, QmsDbContext db) : IRecipeStep
{
    public string Name => "platform-users";

    public RecipeScope Scope => RecipeScope.Platform;

    public async Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        await recipeUsers.ValidateAsync(step, "users", cancellationToken);
        var i = 0;
        foreach (var user in step.Json["users"]!.AsArray().OfType<JsonObject>())
        {
            var roles = user["roles"]!.AsArray().Select(r => (string?)r).ToList();
            var province = (string?)user["province"];
            if (roles.Contains(PlatformRoles.ProvinceAuditor) && province is null)
            {
                step.Error($"users[{i}].province", "Kiểm tra viên cấp tỉnh phải gắn với một tỉnh (mã 2 chữ số).");
            }
            else if (roles.Contains(PlatformRoles.ProvinceEditor) && province is null)
            {
                step.Error($"users[{i}].province", "Biên tập danh mục TTHC cấp tỉnh phải gắn với một tỉnh (mã 2 chữ số).");
            }
            else if (province is not null && !await db.Provinces.AnyAsync(p => p.Code == province, cancellationToken))
            {
                step.Error($"users[{i}].province", $"Không có tỉnh/thành phố mã \"{province}\".");
            }

            i++;
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        foreach (var json in step.Json["users"]!.AsArray().OfType<JsonObject>())
        {
            var user = await recipeUsers.EnsureAsync(json);
            foreach (var role in json["roles"]!.AsArray().Select(r => (string)r!))
            {
                if (!await users.IsInRoleAsync(user, role))
                {
                    await users.AddToRoleAsync(user, role);
                }
            }
        }
    }
}
