using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocma.Core.Storage;

/// <summary>Any database command that fails for lack of storage, wherever it was issued, pauses publishing with the reason.</summary>
internal sealed class StorageFailureInterceptor(StorageStatus status) : DbCommandInterceptor
{
    public override void CommandFailed(System.Data.Common.DbCommand command, CommandErrorEventData eventData) =>
        status.TryPauseFor(eventData.Exception);

    public override Task CommandFailedAsync(System.Data.Common.DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        status.TryPauseFor(eventData.Exception);
        return Task.CompletedTask;
    }
}
