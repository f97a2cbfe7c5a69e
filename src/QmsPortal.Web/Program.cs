using QmsPortal.Web.Cli;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Files;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Features.Admin;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Commune;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Platform;
using QmsPortal.Web.Features.Provinces;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Features.Search;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Synonyms;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

// Command-line verbs (tenant create, recipe apply, admin create) share the application's services.
var verb = CommandLine.IsVerb(args);
var builder = WebApplication.CreateBuilder(verb ? [] : args);

// Theme CSS lives in Razor class libraries: serve it from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddQmsData(builder.Configuration, builder.Environment);
builder.Services.AddTenancy();
builder.Services.AddRecipes();
builder.Services.AddThemes();
builder.Services.AddEmail();
builder.Services.AddFileStore();
builder.Services.AddPortalWeb();
builder.Services.AddAccount();
builder.Services.AddPlatform();
builder.Services.AddAdmin();
builder.Services.AddCommune();
builder.Services.AddDocuments();
builder.Services.AddTthc();
builder.Services.AddAudits();
builder.Services.AddReminders();
builder.Services.AddSearch();
builder.Services.AddProvinces();

if (verb)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

// Disposed on every way out, so the console logger writes what it still holds (a start-up that gives up, a verb).
await using var app = builder.Build();

if (verb)
{
    return await CommandLine.RunAsync(app.Services, args);
}

try
{
    await app.Services.InitializeDatabaseAsync();
}
catch (DatabaseStartupException e)
{
    // One line an operator can act on (it names the file or server and the fix), not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.Services.ApplyWorkingCalendarAsync();
await app.Services.ApplySearchSynonymsAsync();
await app.Services.ApplyDemoAsync();

app.UsePortalWeb();
app.UseTthc();
app.MapSearchApi();
app.MapPlatform();
app.MapDocuments();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
