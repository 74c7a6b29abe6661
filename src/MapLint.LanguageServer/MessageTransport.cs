using System.Globalization;
using System.Text;

namespace MapLint.LanguageServer;

/// <summary>
/// The base protocol of LSP: messages framed by a <c>Content-Length</c> header, read from one stream and written to
/// another. Writes are serialized so the analysis thread and the request thread never interleave two messages.
/// </summary>
public sealed class MessageTransport
{
    /// <summary>Larger messages are refused (a broken client, not a document: maps are kilobytes).</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly Stream input;
    private readonly Stream output;
    private readonly object writeGate = new();

    public MessageTransport(Stream input, Stream output)
    {
        this.input = input;
        this.output = output;
    }

    /// <summary>The next message body, or null at the end of the input (the client went away).</summary>
    public byte[]? Read()
    {
        while (true)
        {
            int length = -1;
            bool any = false;
            while (ReadLine() is { } line)
            {
                any = true;
                if (line.Length == 0)
                {
                    break;
                }

                int colon = line.IndexOf(':');
                if (colon > 0 && line.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(line.Substring(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                {
                    length = value;
                }
            }

            if (!any)
            {
                return null;
            }

            // A header block without a usable length cannot be skipped exactly; read on to the next header block.
            if (length < 0 || length > MaxMessageBytes)
            {
                continue;
            }

            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = input.Read(body, read, length - read);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            return body;
        }
    }

    private string? ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length > 8192)
            {
                line.Clear(); // not a header: garbage between messages
            }

            line.Append((char)b);
        }
    }

    public void Write(byte[] body)
    {
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (writeGate)
        {
            try
            {
                output.Write(header, 0, header.Length);
                output.Write(body, 0, body.Length);
                output.Flush();
            }
            catch (IOException)
            {
                // The client closed its end; the read loop sees the end of input and the server stops.
            }
        }
    }
}
