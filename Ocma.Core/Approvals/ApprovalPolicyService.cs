using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Approvals;

/// <summary>Turns a brand's approvals on or off (Admins only, audited).</summary>
public sealed class ApprovalPolicyService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit)
{
    public async Task<Result<bool>> SetAsync(int brandId, bool approvalsRequired, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<bool>("Only an Admin can turn approvals on or off.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<bool>("That brand no longer exists.");
        }

        if (brand.ApprovalsRequired == approvalsRequired)
        {
            return approvalsRequired;
        }

        brand.ApprovalsRequired = approvalsRequired;
        audit.Add(db, actor, approvalsRequired ? "brand.approvals-on" : "brand.approvals-off", $"brand {brand.Id}",
            approvalsRequired ? "Contributors' posts now wait for an Editor's approval." : "Contributors' posts now go out without approval; posts already in review still wait for a decision.");
        await db.SaveChangesAsync(cancellationToken);
        return approvalsRequired;
    }
}
