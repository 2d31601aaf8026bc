using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>
/// A bare HTTP/1.1 server on a <see cref="TcpListener"/> (127.0.0.1, OS-chosen port) for the faults
/// WireMock cannot make: a connection reset in the middle of a body, headers followed by silence, a
/// body larger than any cap, or a connection accepted and never answered (not even the TLS handshake).
/// One request per connection; requests are counted as soon as their head has arrived. Everything
/// stops at disposal, and no exchange is held longer than <see cref="MaxHold"/>.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly Func<RawExchange, Task>? _behaviour;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _sync = new();
    private readonly Task _acceptLoop;
    private int _requests;
    private int _accepted;

    private RawHttpServer(Func<RawExchange, Task>? behaviour)
    {
        _behaviour = behaviour;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/api/");

    /// <summary>The same port addressed as https: a client then waits in the TLS handshake (the connect phase).</summary>
    public Uri HttpsBaseAddress => new($"https://127.0.0.1:{Port}/api/");

    /// <summary>Requests whose head arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Connections accepted.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>Serves each request with <paramref name="behaviour"/>; the connection is closed after it.</summary>
    public static RawHttpServer Start(Func<RawExchange, Task> behaviour) => new(behaviour);

    /// <summary>Accepts connections and never reads or writes a byte.</summary>
    public static RawHttpServer StartSilent() => new(null);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            lock (_sync)
            {
                _connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        hold.CancelAfter(MaxHold);
        try
        {
            if (_behaviour is null)
            {
                await Task.Delay(Timeout.Infinite, hold.Token);
                return;
            }

            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream, hold.Token);
            if (head is null)
            {
                return;
            }

            var number = Interlocked.Increment(ref _requests);
            var body = await ReadBodyAsync(stream, head, hold.Token);
            await _behaviour(new RawExchange(client, stream, head, body, number, hold.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to report.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task<RawRequestHead?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(1024);
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return RawRequestHead.Parse(Encoding.ASCII.GetString(bytes.ToArray()));
            }
        }

        return null;
    }

    private static async Task<string> ReadBodyAsync(NetworkStream stream, RawRequestHead head, CancellationToken cancellationToken)
    {
        if (!head.Headers.TryGetValue("Content-Length", out var value) || !int.TryParse(value, out var length) || length == 0)
        {
            return string.Empty;
        }

        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_sync)
        {
            running = [.. _connections];
        }

        await Task.WhenAll(running.Append(_acceptLoop)).WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
