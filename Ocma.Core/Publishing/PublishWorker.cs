using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocma.Core.Storage;

namespace Ocma.Core.Publishing;

/// <summary>
/// Runs the configured number of workers, each taking claimed targets off the queue and publishing them. A worker never
/// dies of an error: a storage failure pauses publishing and the worker tries the same claim again once Ocma can write
/// (the publisher then asks the platform before sending anything twice); any other error settles the target as an
/// internal error, or leaves it to the recovery sweep when even that cannot be written.
/// </summary>
public sealed class PublishWorker(
    PublishQueue queue,
    TargetPublisher publisher,
    TargetSettler settler,
    StorageStatus storage,
    IOptions<PublishingOptions> options,
    ILogger<PublishWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var (targetId, claimId) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await PublishOnceStoredAsync(targetId, claimId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // left in Publishing; the start-up sweep reconciles it
            }
            finally
            {
                queue.Release(targetId, claimId);
            }
        }
    }

    private async Task PublishOnceStoredAsync(int targetId, Guid claimId, CancellationToken stoppingToken)
    {
        while (true)
        {
            await storage.WaitUntilWritableAsync(stoppingToken);
            try
            {
                await publisher.PublishAsync(targetId, claimId, stoppingToken);
                return;
            }
            catch (Exception e) when (storage.TryPauseFor(e))
            {
                logger.LogWarning("Target {TargetId} waits for storage: {Reason}", targetId, StorageFailures.Describe(e));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Publishing target {TargetId} failed unexpectedly", targetId);
                await SettleAsInternalErrorAsync(targetId, claimId, stoppingToken);
                return;
            }
        }
    }

    private async Task SettleAsInternalErrorAsync(int targetId, Guid claimId, CancellationToken stoppingToken)
    {
        try
        {
            await settler.InternalErrorAsync(targetId, claimId, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            storage.TryPauseFor(e);
            logger.LogError(e, "Target {TargetId} could not be marked as failed; the recovery sweep will look at it again", targetId);
        }
    }
}
