using Crm.Api.Hosting;
using Npgsql;

// The content root is the program's folder, so appsettings.json is found whatever the working
// directory; relative data paths (.crm) still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddCrmDatabase();
builder.Services.AddCrmHealthChecks();

var app = builder.Build();

// Resolve the database at start-up so a missing PostgreSQL is reported now, clearly, not on the first request.
app.Services.GetRequiredService<NpgsqlDataSource>();

app.MapCrmHealth();

app.Run();

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
