using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Secrets;

/// <summary>Stores and reads secrets encrypted at rest. Values are write-only to people: only <see cref="GetAsync"/> (for services) returns them.</summary>
public sealed class SecretVault(IDbContextFactory<OcmaDbContext> dbFactory, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectionPurposes.AppSecret);

    public async Task SetAsync(string name, string value, string updatedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var secret = await db.AppSecrets.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (secret is null)
        {
            secret = new AppSecret { Name = name, ProtectedValue = "", Hint = "", UpdatedBy = updatedBy };
            db.AppSecrets.Add(secret);
        }

        secret.ProtectedValue = _protector.Protect(value);
        secret.Hint = value.Length > 8 ? value[^4..] : "";
        secret.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        secret.UpdatedBy = updatedBy;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plaintext value, for a service that must send it; null when not set.</summary>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AppSecrets.Where(s => s.Name == name).Select(s => s.ProtectedValue).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : _protector.Unprotect(stored);
    }

    /// <summary>What is set, masked: names, hints and who changed them.</summary>
    public async Task<IReadOnlyList<SecretSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AppSecrets.OrderBy(s => s.Name)
            .Select(s => new SecretSummary(s.Name, s.Hint, s.UpdatedUtc, s.UpdatedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AppSecrets.Where(s => s.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}

public sealed record SecretSummary(string Name, string Hint, DateTime UpdatedUtc, string UpdatedBy);
