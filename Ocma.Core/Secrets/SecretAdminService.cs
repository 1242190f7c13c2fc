using Ocma.Core.Audit;

namespace Ocma.Core.Secrets;

/// <summary>Admin → Secrets: list masked, set or replace, remove. Admins only; every change is audited without its value.</summary>
public sealed class SecretAdminService(SecretVault vault, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<SecretSummary>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<IReadOnlyList<SecretSummary>>("Only an Admin can see which secrets are set.");
        }

        return Result<IReadOnlyList<SecretSummary>>.Ok(await vault.ListAsync(cancellationToken));
    }

    /// <summary>Sets a new secret or replaces the stored value; the result says which.</summary>
    public async Task<Result<SecretSaved>> SetAsync(string? name, string? value, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<SecretSaved>("Only an Admin can set secrets.");
        }

        name = name?.Trim();
        if ((SecretNames.CheckName(name) ?? SecretNames.CheckValue(value)) is string problem)
        {
            return Result.Fail<SecretSaved>(problem);
        }

        var replaced = (await vault.ListAsync(cancellationToken)).Any(s => s.Name == name);
        await vault.SetAsync(name!, value!, actor.Name, cancellationToken);
        var hint = (await vault.ListAsync(cancellationToken)).Single(s => s.Name == name).Hint;
        await audit.WriteAsync(actor, replaced ? "secret.replaced" : "secret.set", $"secret {name}", hint.Length > 0 ? $"ends in {hint}" : null, cancellationToken);
        return new SecretSaved(name!, hint, replaced);
    }

    public async Task<Result<string>> RemoveAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<string>("Only an Admin can remove secrets.");
        }

        if (!await vault.RemoveAsync(name, cancellationToken))
        {
            return Result.Fail<string>($"There is no secret named {name} (someone may have removed it already). Reload the list.");
        }

        await audit.WriteAsync(actor, "secret.removed", $"secret {name}", null, cancellationToken);
        return name;
    }
}

/// <param name="Replaced">True when a value was already stored under the name.</param>
public sealed record SecretSaved(string Name, string Hint, bool Replaced);
