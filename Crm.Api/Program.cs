using Crm.Api.Hosting;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
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
