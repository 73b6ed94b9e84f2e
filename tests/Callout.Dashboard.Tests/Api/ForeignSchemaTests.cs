namespace Callout.Dashboard.Tests.Api;

/// <summary>
/// A Raw data database made by someone else's script: Puzzel's columns in another order, columns we
/// never read, the extras table spelled as in Puzzel's transfer guide. The app must read it as it is.
/// </summary>
public sealed class ForeignSchemaTests
{
    private const string ForeignSchema = """
        CREATE TABLE call_events (
            dte_updated timestamp, event_type char(1) NOT NULL, call_id numeric(19,0) NOT NULL, menue_choice varchar(255),
            queue_key varchar(100), result_code char(2), wrap_up_sec int, source varchar(500), dte_start timestamp NOT NULL,
            rec_id bigint PRIMARY KEY, customer_key varchar(100), ciq char(1), agent_id int, duration_tot_sec int NOT NULL,
            duration_speak_sec int, destination varchar(500), call_sequence int, sla int, call_transfer boolean,
            internal_iq_session_id uuid, dte_scheduled_callback timestamptz, leg_type varchar(50), originating varchar(50),
            add_originating varchar(50), hold int, our_own_note text);
        CREATE TABLE call_events_extras (agent2agent smallint, rec_id bigint NOT NULL, loaded_at timestamptz DEFAULT now());
        CREATE TABLE agent_events (dte_updated timestamp, pause_type varchar(100), dte_start timestamp NOT NULL, event_source char(1),
            agent_id int NOT NULL, event_type char(1) NOT NULL, rec_id bigint, profile_name varchar(100));
        CREATE TABLE agents (deleted boolean NOT NULL, usergroup_name varchar(250), full_name varchar(500), agent_id int PRIMARY KEY,
            user_name varchar(50), usergroup_id int, email varchar(256));
        CREATE TABLE queues (descript varchar(255), service_num varchar(100), queue_key varchar(100));
        """;

    [Theory]
    [MemberData(nameof(PinnedClock.AroundMidnight), MemberType = typeof(PinnedClock))]
    public async Task GetBoard_ForeignScriptSchema_ReadsCorrectly(string moment)
    {
        var connectionString = await TestDatabase.CreateEmptyPostgresDatabaseAsync();
        var clock = PinnedClock.At(moment);
        var now = clock.OsloNow();
        DateTime Ago(int minutes) => clock.OsloAgo(TimeSpan.FromMinutes(minutes));
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var schema = new NpgsqlCommand(ForeignSchema, connection))
            {
                await schema.ExecuteNonQueryAsync();
            }
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Insert("INSERT INTO queues (descript, queue_key) VALUES ('Sales callouts', '__Callout_Sales')"),
                    Insert("INSERT INTO agents (deleted, full_name, agent_id) VALUES (false, 'Ola Nordmann', 1001)"),
                    Insert("INSERT INTO call_events (rec_id, call_id, call_sequence, event_type, dte_start, duration_tot_sec, source, dte_updated, our_own_note) VALUES (101, 7001, 1, 'i', @t, 1, '4722222222', @t, 'x')", Ago(9)),
                    Insert("INSERT INTO call_events (rec_id, call_id, call_sequence, event_type, dte_start, duration_tot_sec, queue_key, result_code, dte_updated) VALUES (102, 7001, 2, 'q', @t, 0, '__Callout_Sales', 'q ', @t)", Ago(9)),
                    Insert("INSERT INTO call_events (rec_id, call_id, call_sequence, event_type, dte_start, duration_tot_sec, duration_speak_sec, queue_key, ciq, agent_id, result_code, dte_updated) VALUES (103, 7001, 3, 'c', @t, 60, 50, '__Callout_Sales', 'a', 1001, 'k ', @t)", Ago(8)),
                    Insert("INSERT INTO call_events (rec_id, call_id, call_sequence, event_type, dte_start, duration_tot_sec, duration_speak_sec, queue_key, ciq, result_code, dte_updated) VALUES (104, 7001, 4, 'c', @t, 55, 45, '__Callout_Sales', 'c', 'k ', @t)", Ago(8)),
                    Insert("INSERT INTO call_events (rec_id, call_id, call_sequence, event_type, dte_start, duration_tot_sec, source, dte_updated) VALUES (201, 7002, 1, 'i', @t, 30, '4790000002', @t)", Ago(4)),
                    Insert("INSERT INTO call_events_extras (rec_id, agent2agent) VALUES (201, 1)"),
                    Insert("INSERT INTO agent_events (agent_id, event_type, dte_start, dte_updated, profile_name) VALUES (1001, 'i', @t, @t, 'Sales')", Ago(60)),
                },
            };
            await batch.ExecuteNonQueryAsync();
        }
        await using var app = DashboardApp.OnPostgres(connectionString, clock, ("RawData:CallEventExtrasTable", "call_events_extras"));
        // The agent-to-agent call began 4 minutes ago: "today" has it unless midnight came since.
        var agentToAgentToday = Ago(4).Date == now.Date ? 1 : 0;

        var board = await app.WaitForBoardAsync(b => b.GetProperty("recentCallouts").GetArrayLength() == 1 && b.GetProperty("agentToAgentToday").GetInt32() == agentToAgentToday);

        var call = board.GetProperty("recentCallouts")[0];
        Assert.Equal(("7001", "answered", 45, 1001), (call.GetProperty("callId").GetString(), call.GetProperty("outcome").GetString(), call.GetProperty("talkSeconds").GetInt32(), call.GetProperty("agentId").GetInt32()));
        Assert.Equal("Sales callouts", board.GetProperty("queues")[0].GetProperty("name").GetString());
        Assert.Equal(("Ola Nordmann", "logged-on"), (board.GetProperty("agents")[0].GetProperty("name").GetString(), board.GetProperty("agents")[0].GetProperty("status").GetString()));
        Assert.Equal(0, board.GetProperty("activeCallouts").GetArrayLength());
    }

    private static NpgsqlBatchCommand Insert(string sql, DateTime? at = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (at is { } t)
        {
            command.Parameters.AddWithValue("t", t);
        }
        return command;
    }
}
