using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task FirstUse_CreatesTheSchema_AndRecordsEveryMigration()
    {
        await using var store = Create(database);

        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);

        Assert.Equal(SchemaMigrator.Migrations.Count, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.schema_migrations"));
        Assert.Equal(1, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
        Assert.True(SchemaMigrator.Migrations.Count >= 2);
        Assert.Equal(Enumerable.Range(1, SchemaMigrator.Migrations.Count), SchemaMigrator.Migrations.Select(m => m.Version));
    }

    [Fact]
    public async Task InitializingAgain_ChangesNothing()
    {
        var schema = UniqueSchema();
        await using (var first = Create(database, schema: schema))
        {
            await first.InitializeAsync();
            await first.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        }
        var appliedAt = await ScalarAsync(database, $"SELECT sum(extract(epoch FROM applied_at) * 1000000)::bigint FROM {schema}.schema_migrations");

        await using var second = Create(database, schema: schema);
        await second.InitializeAsync();
        await second.InitializeAsync();

        Assert.Equal(appliedAt, await ScalarAsync(database, $"SELECT sum(extract(epoch FROM applied_at) * 1000000)::bigint FROM {schema}.schema_migrations"));
        Assert.Equal(SchemaMigrator.Migrations.Count, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.schema_migrations"));
        Assert.Single((await second.ReadStreamAsync("s")).Events);
    }

    [Fact]
    public async Task StoresStartingTogether_MigrateOnce_AndAllWork()
    {
        var schema = UniqueSchema();
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var stores = sources.Select(source => new PostgresEventStore(new EventStoreOptions { DataSource = source, Schema = schema, Types = Types() })).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starting = stores.Select(store => Task.Run(async () =>
            {
                await start.Task;
                await store.InitializeAsync();
            })).ToList();
            start.SetResult();
            await Task.WhenAll(starting);

            for (var i = 0; i < stores.Count; i++)
            {
                await stores[i].AppendAsync("s", ExpectedVersion.Exactly(i), [Added($"by store {i}")]);
            }
            Assert.Equal(SchemaMigrator.Migrations.Count, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.schema_migrations"));
            Assert.Equal(stores.Count, (await stores[0].ReadStreamAsync("s")).Events.Count);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AppliedMigrationChangedSince_IsRefused()
    {
        var schema = UniqueSchema();
        await using (var first = Create(database, schema: schema))
        {
            await first.InitializeAsync();
        }
        await ExecuteAsync(database, $"UPDATE {schema}.schema_migrations SET checksum = 'edited' WHERE version = 1");

        await using var second = Create(database, schema: schema);
        var error = await Assert.ThrowsAsync<EventStoreSchemaException>(() => second.InitializeAsync());

        Assert.Contains("0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaMigratedByNewerCode_IsRefused()
    {
        var schema = UniqueSchema();
        await using (var first = Create(database, schema: schema))
        {
            await first.InitializeAsync();
        }
        await ExecuteAsync(database, $"INSERT INTO {schema}.schema_migrations (version, name, checksum) VALUES (999, '0999_future', 'x')");

        await using var second = Create(database, schema: schema);
        var error = await Assert.ThrowsAsync<EventStoreSchemaException>(() => second.AppendAsync("s", ExpectedVersion.Any, [Added("a")]));

        Assert.Contains("newer code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSchemas_AreTwoIndependentStores()
    {
        await using var left = Create(database);
        await using var right = Create(database);

        await left.AppendAsync("same-id", ExpectedVersion.NoStream, [Added("left")]);
        await right.AppendAsync("same-id", ExpectedVersion.NoStream, [Added("right"), Added("right again")]);

        Assert.Equal(["left"], (await left.ReadStreamAsync("same-id")).Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Equal(2, (await right.ReadStreamAsync("same-id")).Events.Count);
        Assert.NotEqual(left.NotificationChannel, right.NotificationChannel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("has-dash")]
    [InlineData("1starts_with_digit")]
    [InlineData("pg_reserved")]
    [InlineData("a_name_that_is_far_too_long_for_the_notification_channel")]
    [InlineData("quote\"d")]
    public void InvalidSchemaNames_AreRefused(string schema)
    {
        Assert.ThrowsAny<ArgumentException>(() => Create(database, schema: schema));
    }

    [Fact]
    public async Task ConnectionStringOption_CreatesAnOwnedDataSource()
    {
        await using var store = new PostgresEventStore(new EventStoreOptions
        {
            ConnectionString = database.ConnectionString,
            Schema = UniqueSchema(),
            Types = Types(),
        });

        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);

        Assert.Single((await store.ReadStreamAsync("s")).Events);
    }

    [Fact]
    public void Options_NeedExactlyOneConnection()
    {
        Assert.Throws<ArgumentException>(() => new PostgresEventStore(new EventStoreOptions { Types = Types() }));
        Assert.Throws<ArgumentException>(() => new PostgresEventStore(new EventStoreOptions
        {
            Types = Types(),
            DataSource = database.DataSource,
            ConnectionString = database.ConnectionString,
        }));
    }
}
