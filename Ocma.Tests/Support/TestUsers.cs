using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Identity;

namespace Ocma.Tests.Support;

/// <summary>People for tests, created through the same services the console uses.</summary>
public static class TestUsers
{
    public const string AdminEmail = "admin@example.com";
    public const string Password = "Correct-Horse-9";

    public static async Task<Actor> CreateAdminAsync(OcmaAppFactory app)
    {
        var created = await app.Get<SetupService>().CreateFirstAdminAsync(AdminEmail, Password, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return new Actor(created.Value.Id, AdminEmail, new HashSet<string> { Roles.Admin });
    }

    public static async Task<Actor> CreateAsync(OcmaAppFactory app, Actor admin, string email, string role)
    {
        var created = await app.Get<UserService>().CreateAsync(email, Password, role, admin, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return new Actor(created.Value.Id, email, new HashSet<string> { role });
    }

    public static async Task<OcmaUser> FindAsync(OcmaAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>().FindByEmailAsync(email))!;
    }
}
