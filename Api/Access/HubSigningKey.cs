using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// The embedded issuer's ECDSA P-256 key, kept as a PEM file. Whoever needs it first (the running hub or the
/// <c>token</c> command) creates it; everyone else reads that file. A replaced file is picked up within a second.
/// </summary>
public sealed class HubSigningKey
{
    private static readonly TimeSpan _recheckEvery = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ECDsaSecurityKey? _key;
    private DateTime _loadedWriteTime;
    private long _checkedAt;

    public HubSigningKey(string path, ILogger<HubSigningKey>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? NullLogger<HubSigningKey>.Instance;
    }

    /// <summary>Where the key lives.</summary>
    public string Path { get; }

    /// <summary>The configured key file: <see cref="HubAuthOptions.SigningKeyFile"/>, or the default one in the data directory.</summary>
    public static string PathFor(HubAuthOptions auth, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKeyFile))
        {
            return auth.SigningKeyFile;
        }

        // The same folder the embedded store uses (Hub:Storage:DataDirectory, "data" unless configured).
        var dataDirectory = configuration["Hub:Storage:DataDirectory"];
        return System.IO.Path.Combine(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory, HubAuthOptions.DefaultSigningKeyFileName);
    }

    /// <summary>The key, read from its file or created there if there is none yet.</summary>
    public ECDsaSecurityKey Current
    {
        get
        {
            var now = Environment.TickCount64;
            lock (_lock)
            {
                if (_key is not null && now - _checkedAt < _recheckEvery.TotalMilliseconds)
                {
                    return _key;
                }

                _checkedAt = now;
                var writeTime = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : default;
                if (_key is null || writeTime != _loadedWriteTime)
                {
                    _key = LoadOrCreate();
                    _loadedWriteTime = File.GetLastWriteTimeUtc(Path);
                }

                return _key;
            }
        }
    }

    private ECDsaSecurityKey LoadOrCreate()
    {
        if (!File.Exists(Path))
        {
            TryCreate();
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(Path));
        if (ecdsa.KeySize != 256)
        {
            throw new InvalidOperationException($"The signing key in {Path} is not an ECDSA P-256 key.");
        }

        return new ECDsaSecurityKey(ecdsa) { KeyId = KeyIdOf(ecdsa) };
    }

    /// <summary>
    /// Writes a new key to a temporary file readable by its owner only, then links it into place without replacing
    /// anything: if another process got there first, its key wins and ours is thrown away.
    /// </summary>
    private void TryCreate()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(temporary, options);
                writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
                writer.Flush();
                writer.BaseStream.Flush();
            }

            File.Move(temporary, Path, overwrite: false);
            AccessLog.SigningKeyCreated(_logger, Path);
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Created concurrently by the hub or the token command: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A stable key id from the public key, so tokens name the key that signed them.</summary>
    private static string KeyIdOf(ECDsa ecdsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());
}
