using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QmsPortal.Web.Files;

/// <summary>Readiness: attachments and forms can be stored.</summary>
internal sealed class FileStoreHealthCheck(IFileStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ProbeWrite() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy());
}

/// <summary>
/// Says at start-up, not at the first upload, that the store cannot be written. The portal still starts: public
/// pages do not need it, and readiness (/healthz) keeps reporting it until it is fixed.
/// </summary>
internal sealed class FileStoreStartupCheck(IFileStore store, ILogger<FileStoreStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.ProbeWrite() is { } problem)
        {
            logger.LogWarning("{Problem} Tệp đính kèm và biểu mẫu sẽ không lưu được; /healthz báo lỗi cho đến khi sửa. "
                + "/ The file store cannot be written: attachments and forms cannot be saved, and /healthz fails until Files:Root is fixed.", problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
