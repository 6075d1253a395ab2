using System.Globalization;
using Crm.Benchmarks.Harness;
using Crm.Benchmarks.Suites;

// dotnet run -c Release --project Crm.Benchmarks -- <suite> [--scale N] [--seconds S] [--connection CS]
// A suite is an ISuite added here.
ISuite[] suites =
[
    new AppendSuite(),
    new AppendContendedSuite(),
    new ImportSuite(),
    new CommandSuite(),
    new GraphQLHttpSuite(),
    new RebuildSuite(),
    new TimelineSuite(),
    new GraphQLEngineSuite(),
    new CeilingsSuite(),
];

if (args.Length == 0)
{
    return Usage();
}
if (args[0] is "-h" or "--help" or "help")
{
    Usage();
    return 0;
}

var suite = suites.FirstOrDefault(s => s.Name == args[0]);
if (suite is null)
{
    Console.Error.WriteLine($"Unknown suite '{args[0]}'.");
    return Usage();
}

long? scale = null;
string? connection = null;
var seconds = 10.0;
for (var i = 1; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--scale" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0:
            scale = s;
            i++;
            break;
        case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 600:
            seconds = d;
            i++;
            break;
        case "--connection" when !string.IsNullOrWhiteSpace(value):
            connection = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unexpected or invalid argument '{args[i]}'.");
            return Usage();
    }
}

var output = Path.GetFullPath(Path.Combine("artifacts", "bench"));
await suite.RunAsync(new BenchOptions(suite.Name, scale, connection, TimeSpan.FromSeconds(seconds), output));
return 0;

int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project Crm.Benchmarks -- <suite> [--scale N] [--seconds S] [--connection CS]");
    Console.Error.WriteLine("       ./run.sh bench <suite> [--scale N] [--seconds S] [--connection CS]");
    Console.Error.WriteLine("  --seconds S     how long each measured load runs (append, append-contended, command, graphql, ceilings, timeline; default 10)");
    Console.Error.WriteLine("  --scale N       how many events to write (import, ceilings: default 200,000; rebuild, timeline: default 1,000,000)");
    Console.Error.WriteLine("  --connection CS a PostgreSQL server to measure instead of the suite's own durable cluster");
    Console.Error.WriteLine("  Figures are printed and written to artifacts/bench/<suite>-latest.json.");
    Console.Error.WriteLine("suites:");
    foreach (var s in suites)
    {
        Console.Error.WriteLine($"  {s.Name,-18} {s.Description}");
    }
    return 2;
}
