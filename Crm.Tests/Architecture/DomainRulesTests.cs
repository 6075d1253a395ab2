using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;

namespace Crm.Tests.Architecture;

/// <summary>The rules that keep Crm.Domain pure: no dependencies, no clock, no id generation, no I/O; closed, immutable event hierarchies.</summary>
public sealed class DomainRulesTests
{
    private static readonly Assembly Domain = typeof(CaseDecider).Assembly;

    private static readonly string[] ForbiddenInSource =
    [
        "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
        "Guid.NewGuid", "Guid.CreateVersion7", "System.IO", "System.Net", "TimeProvider", "new Random", "Random.Shared",
        "Environment.", "Console.", "Stopwatch",
    ];

    /// <summary>Each aggregate: its base command, base event, state, decider.</summary>
    public static TheoryData<Type, Type, Type, Type> Aggregates() => new()
    {
        { typeof(CustomerCommand), typeof(CustomerEvent), typeof(CustomerState), typeof(CustomerDecider) },
        { typeof(CaseCommand), typeof(CaseEvent), typeof(CaseState), typeof(CaseDecider) },
        { typeof(QueueCommand), typeof(QueueEvent), typeof(QueueState), typeof(QueueDecider) },
    };

    [Fact]
    public void DomainProject_ReferencesNoPackageNoProjectAndNoAssembly()
    {
        var project = XDocument.Load(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Domain", "Crm.Domain.csproj"));

        foreach (var item in new[] { "PackageReference", "ProjectReference", "FrameworkReference", "Reference" })
        {
            Assert.Empty(project.Descendants(item));
        }
    }

    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseFramework()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();

        Assert.All(Domain.GetReferencedAssemblies(), reference =>
        {
            var location = Assembly.Load(reference).Location;
            Assert.True(location.StartsWith(runtimeDirectory, StringComparison.Ordinal), $"Crm.Domain references {reference.Name} from {location}, outside the base framework");
        });
    }

    [Fact]
    public void DomainSource_UsesNoClockNoIdGenerationAndNoIo()
    {
        var domainFolder = Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Domain");
        var files = Directory.EnumerateFiles(domainFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        var violations = files.SelectMany(f => ForbiddenUses(File.ReadAllText(f)).Select(token => $"{Path.GetRelativePath(domainFolder, f)} uses {token}")).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void TheSourceScan_FindsForbiddenUses()
    {
        Assert.Equal(["DateTimeOffset.UtcNow", "Guid.NewGuid"], ForbiddenUses("var now = DateTimeOffset.UtcNow; var id = Guid.NewGuid();"));
        Assert.Equal(["System.IO"], ForbiddenUses("using System.IO;"));
        Assert.Empty(ForbiddenUses("var now = command.Now;"));
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryEvent_IsASealedImmutableRecordDerivingFromItsAggregatesBaseEvent(Type command, Type @event, Type state, Type decider)
    {
        _ = (command, state, decider);
        var events = Concrete(@event);

        Assert.NotEmpty(events);
        Assert.True(@event.IsAbstract && IsRecord(@event), $"{@event.Name} must be an abstract record");
        Assert.DoesNotContain(@event.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0 || c.IsPublic);
        Assert.All(events, e =>
        {
            Assert.True(e.IsSealed, $"{e.Name} must be sealed");
            Assert.True(IsRecord(e), $"{e.Name} must be a record");
            Assert.Equal(@event, e.BaseType);
            Assert.Equal(@event.Namespace, e.Namespace);
            AssertImmutable(e);
        });
    }

    [Fact]
    public void EveryEventInTheDomain_BelongsToOneAggregatesHierarchy()
    {
        var bases = new[] { typeof(CustomerEvent), typeof(CaseEvent), typeof(QueueEvent) };
        var eventLike = Domain.GetExportedTypes().Where(t => t.Name.EndsWith("Event", StringComparison.Ordinal) && !bases.Contains(t));

        Assert.Empty(eventLike);
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryCommand_IsASealedRecordWithNowAndActor(Type command, Type @event, Type state, Type decider)
    {
        _ = (@event, state, decider);
        var commands = Concrete(command);

        Assert.NotEmpty(commands);
        Assert.All(commands, c =>
        {
            Assert.True(c.IsSealed && IsRecord(c), $"{c.Name} must be a sealed record");
            Assert.Equal(typeof(DateTimeOffset), c.GetProperty("Now")?.PropertyType);
            Assert.Equal(typeof(Actor), c.GetProperty("Actor")?.PropertyType);
            AssertImmutable(c);
        });
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryDecider_HasPureDecideEvolveAndInitial(Type command, Type @event, Type state, Type decider)
    {
        Assert.True(decider.IsAbstract && decider.IsSealed, $"{decider.Name} must be a static class");
        var decide = decider.GetMethod("Decide", [command, state]);
        Assert.NotNull(decide);
        Assert.Equal(typeof(Decision<>).MakeGenericType(@event), decide.ReturnType);
        Assert.Equal(state, decider.GetMethod("Evolve", [state, @event])?.ReturnType);
        Assert.Equal(state, decider.GetProperty("Initial")?.PropertyType);
        Assert.True(IsRecord(state), $"{state.Name} must be a record so replays compare by value");
        AssertImmutable(state);
        Assert.DoesNotContain(decider.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic), f => !f.IsInitOnly && !f.IsLiteral);
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryAggregateFolder_HasItsStateEventsCommandsAndDecider(Type command, Type @event, Type state, Type decider)
    {
        _ = (@event, state, decider);
        var aggregate = command.Name[..^"Command".Length];
        var folder = Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Domain", command.Namespace!["Crm.Domain.".Length..]);

        foreach (var file in new[] { "State", "Events", "Commands", "Decider" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"{aggregate}{file}.cs")), $"{folder} lacks {aggregate}{file}.cs");
        }
    }

    [Fact]
    public void PersonalData_IsMarkedOnExactlyTheFieldsThatHoldIt()
    {
        string[] expected =
        [
            "CustomerRegistered.Name", "CustomerRegistered.Emails", "CustomerRegistered.Phones", "CustomerRegistered.Address",
            "ContactDetailsChanged.Name", "ContactDetailsChanged.Emails", "ContactDetailsChanged.Phones", "ContactDetailsChanged.Address",
            "InteractionLogged.Summary", "OfferDeclined.Reason",
            "CaseOpened.Subject", "CaseOpened.Description", "CaseNoteAdded.Text", "FollowUpScheduled.Note", "FollowUpCompleted.Note",
            "SatisfactionRecorded.Comment", "ContactAbandoned.CallerAddress",
        ];

        var marked = Domain.GetExportedTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.DeclaringType == t && p.GetCustomAttribute<PersonalDataAttribute>() is not null).Select(p => $"{t.Name}.{p.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), marked);
    }

    [Fact]
    public void EveryEventFieldNamedLikePersonalData_IsMarked()
    {
        string[] personalNames = ["Name", "Emails", "Phones", "Address", "Description", "Summary", "Comment", "Text", "Note", "CallerAddress"];
        // These name things the company wrote about its products, not the customer.
        string[] notPersonal = ["ProductRegistered.Name", "OfferPresented.Description"];
        var bases = new[] { typeof(CustomerEvent), typeof(CaseEvent), typeof(QueueEvent) };

        var unmarked = bases.SelectMany(Concrete)
            .SelectMany(t => t.GetProperties().Where(p => personalNames.Contains(p.Name) && p.GetCustomAttribute<PersonalDataAttribute>() is null).Select(p => $"{t.Name}.{p.Name}"))
            .Except(notPersonal);

        Assert.Empty(unmarked);
    }

    [Fact]
    public void TheImmutabilityCheck_CatchesAPublicSetter()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertImmutable(typeof(Mutable)));
        AssertImmutable(typeof(Immutable));
    }

    internal static List<string> ForbiddenUses(string source) =>
        ForbiddenInSource.Where(token => source.Contains(token, StringComparison.Ordinal)).ToList();

    private static List<Type> Concrete(Type baseType) =>
        Domain.GetTypes().Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t)).ToList();

    // The compiler gives records a clone method, which is how reflection tells a record from a class.
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static void AssertImmutable(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ?? true;
            Assert.True(setter is null || !setter.IsPublic || initOnly, $"{type.Name}.{property.Name} has a public setter");
        }
    }

    private sealed class Mutable
    {
        public int Value { get; set; }
    }

    private sealed record Immutable(int Value);
}
