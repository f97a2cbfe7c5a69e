using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace QmsPortal.Tests.Support;

/// <summary>
/// A self-signed server certificate made at run time (nothing secret is kept in the repository), written as PEM files
/// for build/smtp-sink.py; the portal trusts it by <see cref="Sha256"/> (<c>Email:TrustedCertificateSha256</c>), as an
/// office would pin the certificate of its own mail server.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _folder;

    private TestCertificate(string folder, string sha256)
    {
        _folder = folder;
        Sha256 = sha256;
    }

    public string CertificateFile => Path.Combine(_folder, "cert.pem");

    public string KeyFile => Path.Combine(_folder, "key.pem");

    /// <summary>SHA-256 of the certificate (DER), upper-case hex.</summary>
    public string Sha256 { get; }

    public static TestCertificate Create(string commonName = "localhost")
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-tests", "cert-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(commonName);
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var made = new TestCertificate(folder, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
        File.WriteAllText(made.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(made.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return made;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
