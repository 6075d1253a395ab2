using Crm.Api.Application;
using Crm.Api.Auth;
using Crm.Api.Cli;
using Crm.Api.GraphQL;
using Crm.Api.Hosting;
using Npgsql;

if (Verbs.IsVerb(args))
{
    return Verbs.Run(args);
}

// The content root is the program's folder, so appsettings.json is found whatever the working
// directory; relative data paths (.crm) still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddCrmDatabase();
builder.Services.AddCrmHealthChecks();
builder.Services.AddCrmAuth(builder.Configuration);
builder.Services.AddCrmApplication(builder.Configuration);
builder.Services.AddCrmProjectionDaemon();
builder.Services.AddCrmGraphQL();

var app = builder.Build();

// Resolve the database and the signing key at start-up so a problem is reported now, clearly,
// not on the first request.
app.Services.GetRequiredService<NpgsqlDataSource>();
app.Services.GetRequiredService<TokenIssuer>();

app.UseCorrelation();
app.UseAuthentication();
app.UseAuthorization();
app.MapCrmHealth();
app.MapCrmAuth();
app.MapCrmGraphQL();

app.Run();
return 0;

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
