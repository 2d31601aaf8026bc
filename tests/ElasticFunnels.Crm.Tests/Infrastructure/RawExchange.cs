using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>One request on a <see cref="RawHttpServer"/> connection, and the raw ways to answer it.</summary>
public sealed class RawExchange(TcpClient client, NetworkStream stream, RawRequestHead head, string body, int number, CancellationToken stopping)
{
    public RawRequestHead Head { get; } = head;

    public string Body { get; } = body;

    /// <summary>1 for the first request the server received, 2 for the second, ...</summary>
    public int Number { get; } = number;

    /// <summary>Cancelled when the server stops or the exchange has been held for <see cref="RawHttpServer.MaxHold"/>.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Writes a status line and headers (with <c>Connection: close</c>); the body, if any, is up to the caller.</summary>
    public Task SendHeadAsync(int status, long? contentLength, string contentType = "application/json", string? extraHeaders = null)
    {
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(status).Append(' ').Append(((HttpStatusCode)status).ToString()).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Connection: close\r\n");
        head.Append(contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n");
        head.Append(extraHeaders).Append("\r\n");
        return WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }

    /// <summary>Answers with a complete response.</summary>
    public async Task RespondAsync(int status, string body, string contentType = "application/json", string? extraHeaders = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await SendHeadAsync(status, bytes.Length, contentType, extraHeaders);
        await WriteAsync(bytes);
    }

    public async Task WriteAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes, Stopping);
        await stream.FlushAsync(Stopping);
    }

    /// <summary>Writes one chunk of a chunked body.</summary>
    public Task WriteChunkAsync(byte[] bytes) =>
        WriteAsync([.. Encoding.ASCII.GetBytes($"{bytes.Length:X}\r\n"), .. bytes, .. "\r\n"u8.ToArray()]);

    /// <summary>Closes the connection with a TCP reset (RST), as a crashed server or a proxy would.</summary>
    public void Reset()
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    /// <summary>Sends nothing more until the server stops (or <see cref="RawHttpServer.MaxHold"/>).</summary>
    public Task StaySilentAsync() => Task.Delay(Timeout.Infinite, Stopping);
}
