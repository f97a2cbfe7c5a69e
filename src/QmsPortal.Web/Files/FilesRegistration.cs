namespace QmsPortal.Web.Files;

public static class FilesRegistration
{
    public static IServiceCollection AddFileStore(this IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Files:Root must name a folder.").ValidateOnStart();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddHealthChecks().AddCheck<FileStoreHealthCheck>("files");
        services.AddHostedService<FileStoreStartupCheck>();
        return services;
    }
}
