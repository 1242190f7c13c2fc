using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>First run: creates the first admin, and only while no user exists.</summary>
public sealed class SetupService(IServiceScopeFactory scopes, IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _hasUsers;

    public async Task<bool> IsSetUpAsync(CancellationToken cancellationToken)
    {
        if (_hasUsers)
        {
            return true; // once a user exists, setup never comes back
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _hasUsers = await db.Users.AnyAsync(cancellationToken);
        return _hasUsers;
    }

    public async Task<Result<OcmaUser>> CreateFirstAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await IsSetUpAsync(cancellationToken))
            {
                return Result.Fail<OcmaUser>("Ocma is already set up. Sign in instead.");
            }

            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            var user = new OcmaUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedUtc = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return Result.Fail<OcmaUser>(UserService.Describe(created));
            }

            await users.AddToRoleAsync(user, Roles.Admin);
            _hasUsers = true;
            await audit.WriteAsync(new Actor(user.Id, user.UserName, new HashSet<string> { Roles.Admin }), "setup.completed", $"user {user.Email}", "first admin created", cancellationToken);
            return user;
        }
        finally
        {
            _gate.Release();
        }
    }
}
