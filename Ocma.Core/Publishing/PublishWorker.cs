using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Publishing;

/// <summary>Runs the configured number of workers, each taking claimed targets off the queue and publishing them.</summary>
public sealed class PublishWorker(
    PublishQueue queue,
    TargetPublisher publisher,
    TargetSettler settler,
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
                await publisher.PublishAsync(targetId, claimId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // left in Publishing; the start-up sweep reconciles it
            }
            catch (Exception e)
            {
                logger.LogError(e, "Publishing target {TargetId} failed unexpectedly", targetId);
                await settler.InternalErrorAsync(targetId, claimId, stoppingToken);
            }
            finally
            {
                queue.Release(targetId, claimId);
            }
        }
    }
}
