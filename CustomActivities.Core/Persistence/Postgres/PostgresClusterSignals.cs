using System.Globalization;
using System.Threading.Channels;
using CustomActivities.Core.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// The signals of several nodes on one PostgreSQL database, through LISTEN/NOTIFY. A message reaches this node's
/// subscribers at once (also while the database is out of reach) and the other nodes through one NOTIFY; this node's
/// listener skips its own messages when they come back, so each subscriber hears each message once. One long-lived
/// connection listens per node and comes back after a lost connection (at once, then after 1, 2, 4 ... 30 seconds);
/// messages sent while a node was not listening are lost to it (PostgreSQL keeps none for a later session).
/// </summary>
public sealed partial class PostgresClusterSignals : BackgroundService, IClusterSignals
{
    /// <summary>One channel for every message of the app; the envelope names the message.</summary>
    internal const string Channel = "customactivities_signals";

    /// <summary>Sent together in one statement when they queue up (a burst of writes).</summary>
    private const int MaxMessagesPerStatement = 100;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly string listenConnectionString;
    private readonly NpgsqlDataSource sendingSource;
    private readonly ClusterSignalSubscribers subscribers;
    private readonly ILogger<PostgresClusterSignals> logger;
    private readonly Channel<string> outbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Tells this node's messages from the others' (a process, not a machine: two nodes may share a host).</summary>
    private readonly string nodeId = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Makes every envelope unique: PostgreSQL folds identical notifications of one transaction into one, and two equal
    /// batches of new activities must both count.
    /// </summary>
    private long sequence;

    private volatile ListenerSession session = new();

    public PostgresClusterSignals(string connectionString, ILogger<PostgresClusterSignals> logger)
    {
        this.logger = logger;
        subscribers = new ClusterSignalSubscribers(logger);
        var listening = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Seen in pg_stat_activity; keepalives make a silently dead link fail instead of waiting forever.
            ApplicationName = "CustomActivities live updates",
            Pooling = false,
        };
        if (listening.KeepAlive == 0)
        {
            listening.KeepAlive = 30;
        }
        listenConnectionString = listening.ConnectionString;
        sendingSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString);
    }

    /// <summary>True while this node's listening connection is up (the health check's "live-updates").</summary>
    public bool IsListening => session.Listening.Task.IsCompletedSuccessfully;

    public void Publish(string name, string payload)
    {
        ClusterSignalSubscribers.CheckMessage(name, payload);
        subscribers.Deliver(name, payload);
        var envelope = string.Join('|', nodeId, Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture), name, payload);
        outbox.Writer.TryWrite(envelope);
    }

    public IDisposable Subscribe(string name, Action<string> handler) => subscribers.Add(name, handler);

    public event Action? MessagesMayHaveBeenMissed;

    /// <summary>
    /// The server process id of the listening connection once it listens, skipping the one given (for a test that ends
    /// that connection and waits for the next).
    /// </summary>
    internal async Task<int> ListeningAsync(int? replacing = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = session;
            var processId = await current.Listening.Task.WaitAsync(cancellationToken);
            if (processId != replacing)
            {
                return processId;
            }
            await current.Ended.Task.WaitAsync(cancellationToken);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var hasListened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (hasListened)
                {
                    LogListeningAgain();
                }
                hasListened = true;
                failures = 0;
                // Also the first time: a request served before this node listened may have loaded what changed meanwhile.
                TellMessagesMayHaveBeenMissed();
                session.Listening.TrySetResult(connection.ProcessID);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogListenerLost(e, failures);
            }
            finally
            {
                EndSession();
            }
            try
            {
                await Task.Delay(Backoff(failures), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A lost connection is retried at once (a restarted server or a dropped link), then less and less often.</summary>
    private static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 2), MaxBackoff.TotalSeconds));

    private void TellMessagesMayHaveBeenMissed()
    {
        foreach (var handler in MessagesMayHaveBeenMissed?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                handler();
            }
            catch (Exception e)
            {
                LogGapHandlerFailed(e);
            }
        }
    }

    private void EndSession()
    {
        var ended = session;
        if (!ended.Listening.Task.IsCompleted)
        {
            return;
        }
        session = new ListenerSession();
        ended.Ended.TrySetResult();
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        var parts = notification.Payload.Split('|', 4);
        if (parts.Length != 4)
        {
            LogUnreadable(notification.Payload.Length);
            return;
        }
        if (parts[0] == nodeId)
        {
            // Already told when it was published.
            return;
        }
        subscribers.Deliver(parts[2], parts[3]);
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(MaxMessagesPerStatement);
        try
        {
            while (await outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxMessagesPerStatement && outbox.Reader.TryRead(out var envelope))
                {
                    batch.Add(envelope);
                }
                try
                {
                    // One transaction: delivered in this order, after whatever this node sent before.
                    await using var command = sendingSource.CreateCommand($"SELECT pg_notify('{Channel}', message) FROM unnest($1::text[]) WITH ORDINALITY AS m(message, position) ORDER BY position");
                    command.Parameters.Add(new NpgsqlParameter { Value = batch.ToArray() });
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSendFailed(e, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        sendingSource.Dispose();
    }

    /// <summary>One listening connection's life: its process id once it listens, then its end.</summary>
    private sealed class ListenerSession
    {
        public TaskCompletionSource<int> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates from other nodes stopped (attempt {Failures} failed); listening again")]
    private partial void LogListenerLost(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live updates from other nodes are back; what this node held of shared state is dropped")]
    private partial void LogListeningAgain();

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber failed to drop its state after live updates came back")]
    private partial void LogGapHandlerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} live-update messages could not be sent to the other nodes; their changes are stored")]
    private partial void LogSendFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update message of {Length} characters was not in this version's format and was ignored")]
    private partial void LogUnreadable(int length);
}
