using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Jikimi.Checks.Inputs;

namespace Jikimi.Checks.Host;

/// <summary>Gathers the facts file of <c>jikimi collect host</c>: read-only, no network. It reads configuration
/// files and runs a few read-only local commands (<c>sshd -T</c>, <c>systemctl is-active</c>); it never writes
/// outside the output file. Account names stay on the host's own facts file; results carry counts.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostFactsCollector(TimeProvider clock)
{
    private static readonly string[] SystemPaths = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/etc"];

    // SUID/SGID binaries a stock Debian/RHEL system ships; anything else is "unexpected" (U-13).
    private static readonly HashSet<string> KnownSuid =
    [
        "passwd", "chsh", "chfn", "gpasswd", "newgrp", "su", "sudo", "mount", "umount", "ping", "ping6", "pkexec", "crontab",
        "expiry", "chage", "unix_chkpwd", "ssh-agent", "ssh-keysign", "wall", "write", "at", "fusermount", "fusermount3",
        "dotlockfile", "pam_timestamp_check", "staprun", "Xorg.wrap", "ntfs-3g", "polkit-agent-helper-1", "dbus-daemon-launch-helper",
    ];

    private static readonly string[] WatchedFiles =
    [
        "/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/hosts", "/etc/inetd.conf", "/etc/xinetd.conf",
        "/etc/rsyslog.conf", "/etc/syslog.conf", "/etc/services", "/etc/crontab", "/etc/cron.allow", "/etc/cron.deny",
        "/etc/at.allow", "/etc/at.deny", "/etc/hosts.lpd", "/etc/exports", "/etc/ftpusers", "/etc/hosts.equiv",
        "/etc/ssh/sshd_config", "/etc/login.defs", "/etc/snmp/snmpd.conf", "/etc/issue", "/etc/issue.net", "/etc/motd",
    ];

    private static readonly Dictionary<string, string[]> ServiceUnits = new()
    {
        ["telnet"] = ["telnet.socket", "telnetd", "inetutils-telnetd"],
        ["ftp"] = ["vsftpd", "proftpd", "pure-ftpd"],
        ["rsh"] = ["rsh.socket"],
        ["rlogin"] = ["rlogin.socket"],
        ["rexec"] = ["rexec.socket"],
        ["finger"] = ["finger.socket", "cfingerd"],
        ["tftp"] = ["tftp.socket", "tftpd-hpa"],
        ["talk"] = ["talk.socket", "ntalk.socket"],
        ["nfs"] = ["nfs-server", "nfs-kernel-server"],
        ["automount"] = ["autofs"],
        ["rpcbind"] = ["rpcbind", "rpcbind.socket"],
        ["nis"] = ["ypserv", "ypbind"],
        ["snmp"] = ["snmpd"],
        ["sendmail"] = ["sendmail"],
        ["named"] = ["named", "bind9"],
    };

    public JsonObject Collect()
    {
        var facts = new JsonObject
        {
            ["kind"] = HostFacts.Kind,
            ["version"] = HostFacts.Version,
            ["hostname"] = Environment.MachineName,
            ["collectedAt"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["os"] = OsRelease(),
        };
        var loginDefs = KeyValues("/etc/login.defs", ' ');
        facts["loginDefs"] = Numbers(loginDefs);
        var pwq = KeyValues("/etc/security/pwquality.conf", '=');
        var pamPassword = Read("/etc/pam.d/common-password") + Read("/etc/pam.d/system-auth") + Read("/etc/pam.d/password-auth");
        var pamAuth = Read("/etc/pam.d/common-auth") + Read("/etc/pam.d/system-auth");
        foreach (var arg in PamArgs(pamPassword, "pam_pwquality.so").Concat(PamArgs(pamPassword, "pam_cracklib.so")))
        {
            pwq[arg.Key] = arg.Value;
        }

        facts["pwquality"] = Numbers(pwq);
        var faillock = KeyValues("/etc/security/faillock.conf", '=');
        foreach (var arg in PamArgs(pamAuth, "pam_faillock.so").Concat(PamArgs(pamAuth, "pam_tally2.so")))
        {
            faillock[arg.Key] = arg.Value;
        }

        var pwhistory = KeyValues("/etc/security/pwhistory.conf", '=');
        foreach (var arg in PamArgs(pamPassword, "pam_pwhistory.so").Concat(PamArgs(pamPassword, "pam_unix.so")))
        {
            pwhistory[arg.Key] = arg.Value;
        }

        var faillockOn = pamAuth.Contains("pam_faillock.so", StringComparison.Ordinal) || pamAuth.Contains("pam_tally2.so", StringComparison.Ordinal);
        facts["pam"] = new JsonObject
        {
            ["pwquality"] = pamPassword.Contains("pam_pwquality.so", StringComparison.Ordinal) || pamPassword.Contains("pam_cracklib.so", StringComparison.Ordinal),
            ["faillock"] = new JsonObject { ["enabled"] = faillockOn, ["deny"] = Num(faillock.GetValueOrDefault("deny")), ["unlock_time"] = Num(faillock.GetValueOrDefault("unlock_time")) },
            ["suWheel"] = Read("/etc/pam.d/su").Split('\n').Any(l => !l.TrimStart().StartsWith('#') && l.Contains("pam_wheel.so", StringComparison.Ordinal)),
            ["pwhistory"] = new JsonObject { ["enabled"] = pwhistory.ContainsKey("remember"), ["remember"] = Num(pwhistory.GetValueOrDefault("remember")) },
        };
        facts["sshd"] = Sshd();
        facts["accounts"] = Accounts(out var homes);
        facts["homes"] = homes;
        var files = new JsonObject();
        foreach (var f in WatchedFiles)
        {
            files[f] = FileFact(f);
        }

        facts["files"] = files;
        facts["path"] = new JsonObject
        {
            ["rootHasDot"] = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => p is "" or "." ),
            ["rootHasWritableDir"] = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(Directory.Exists).Any(p => (Mode(p) & 0x2) != 0 && (Mode(p) & 0x200) == 0),
        };
        ScanSystemPaths(out var worldWritable, out var suid, out var nouser);
        facts["worldWritable"] = worldWritable;
        facts["suid"] = suid;
        facts["nouser"] = nouser;
        facts["devFiles"] = new JsonObject { ["count"] = (Run("find", "/dev -xdev -type f") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length };
        facts["startupFiles"] = new JsonObject { ["badCount"] = new[] { "/etc/profile", "/etc/bash.bashrc", "/root/.profile", "/root/.bashrc" }.Count(f => File.Exists(f) && (Mode(f) & 0x12) != 0) };
        var hostsEquiv = Read("/etc/hosts.equiv");
        facts["rhosts"] = new JsonObject
        {
            ["hostsEquivEntries"] = hostsEquiv.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')),
            ["rhostsFiles"] = HomeDirs().Count(h => File.Exists(Path.Combine(h, ".rhosts"))),
        };
        var allow = Read("/etc/hosts.allow");
        var deny = Read("/etc/hosts.deny");
        facts["tcpWrappers"] = new JsonObject { ["restricted"] = deny.Contains("ALL:ALL", StringComparison.OrdinalIgnoreCase) || deny.Contains("ALL: ALL", StringComparison.OrdinalIgnoreCase), ["allowEntries"] = allow.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')) };
        facts["services"] = Services();
        var exports = Read("/etc/exports").Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        facts["exports"] = new JsonObject { ["entries"] = exports.Count, ["everyone"] = exports.Count(l => l.Contains('*') || l.Trim().Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).Length < 2) };
        facts["timeSync"] = TimeSync();
        facts["audit"] = new JsonObject
        {
            ["installed"] = File.Exists("/sbin/auditd") || File.Exists("/usr/sbin/auditd"),
            ["active"] = Active("auditd"),
            ["rules"] = SafeFiles("/etc/audit/rules.d", SearchOption.TopDirectoryOnly).Sum(f => Read(f).Split('\n').Count(l => l.TrimStart().StartsWith('-') && !l.TrimStart().StartsWith("-D", StringComparison.Ordinal) && !l.TrimStart().StartsWith("-b", StringComparison.Ordinal))),
        };
        var rsyslog = Read("/etc/rsyslog.conf") + string.Concat(SafeFiles("/etc/rsyslog.d", SearchOption.TopDirectoryOnly).Select(Read));
        var syslogDaemon = Active("rsyslog") ? "rsyslog" : Active("syslog-ng") ? "syslog-ng" : Active("systemd-journald") ? "journald" : null;
        facts["syslog"] = new JsonObject
        {
            ["daemon"] = syslogDaemon,
            ["active"] = syslogDaemon is not null,
            ["remote"] = rsyslog.Split('\n').Any(l => !l.TrimStart().StartsWith('#') && (l.Contains(" @", StringComparison.Ordinal) || l.Contains("omfwd", StringComparison.Ordinal))),
        };
        var profileUmask = Read("/etc/profile").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("umask ", StringComparison.Ordinal)).Select(l => l[6..].Trim()).LastOrDefault();
        facts["umask"] = new JsonObject { ["loginDefs"] = loginDefs.GetValueOrDefault("UMASK"), ["profile"] = profileUmask, ["effective"] = profileUmask ?? loginDefs.GetValueOrDefault("UMASK") ?? "022" };
        var tmout = Read("/etc/profile") + string.Concat(SafeFiles("/etc/profile.d", SearchOption.TopDirectoryOnly).Select(Read)) + Read("/etc/bash.bashrc");
        var tm = tmout.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("TMOUT=", StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[(l.IndexOf("TMOUT=", StringComparison.Ordinal) + 6)..].Split(' ', ';')[0]).LastOrDefault();
        facts["shell"] = new JsonObject { ["tmout"] = Num(tm) };
        facts["packages"] = Packages();
        facts["firewall"] = Firewall();
        facts["kernel"] = new JsonObject
        {
            ["usbStorageDisabled"] = SafeFiles("/etc/modprobe.d", SearchOption.TopDirectoryOnly).Select(Read).Any(t => t.Contains("install usb-storage /bin/true", StringComparison.Ordinal) || t.Contains("install usb-storage /bin/false", StringComparison.Ordinal) || t.Contains("blacklist usb-storage", StringComparison.Ordinal)),
            ["ipForward"] = Num(Read("/proc/sys/net/ipv4/ip_forward").Trim()),
            ["aslr"] = Num(Read("/proc/sys/kernel/randomize_va_space").Trim()),
        };
        facts["banner"] = new JsonObject
        {
            ["issue"] = Read("/etc/issue").Trim().Length > 0,
            ["issueNet"] = Read("/etc/issue.net").Trim().Length > 0,
            ["motd"] = Read("/etc/motd").Trim().Length > 0,
            ["sshBanner"] = facts["sshd"]!["settings"]?["banner"]?.GetValue<string>() is { } b && b != "none",
        };
        var snmp = Read("/etc/snmp/snmpd.conf");
        facts["snmp"] = new JsonObject { ["weakCommunity"] = snmp.Split('\n').Any(l => !l.TrimStart().StartsWith('#') && (l.Contains(" public", StringComparison.Ordinal) || l.Contains(" private", StringComparison.Ordinal)) && l.Contains("community", StringComparison.Ordinal)) };
        var vsftpd = KeyValues("/etc/vsftpd.conf", '=');
        var passwd = Read("/etc/passwd").Split('\n').Select(l => l.Split(':')).Where(p => p.Length >= 7).ToList();
        var ftpAccount = passwd.FirstOrDefault(p => p[0] == "ftp");
        var ftpusers = Read("/etc/ftpusers");
        facts["ftp"] = new JsonObject
        {
            ["anonymousEnabled"] = vsftpd.TryGetValue("anonymous_enable", out var an) ? an.Equals("YES", StringComparison.OrdinalIgnoreCase) : null,
            ["accountExists"] = ftpAccount is not null,
            ["accountShellNoLogin"] = ftpAccount is null ? null : ftpAccount[6].EndsWith("nologin", StringComparison.Ordinal) || ftpAccount[6].EndsWith("false", StringComparison.Ordinal),
            ["ftpusersHasRoot"] = ftpusers.Split('\n').Any(l => l.Trim() == "root"),
        };
        facts["apache"] = Apache();
        var sendmailCf = Read("/etc/mail/sendmail.cf");
        facts["sendmail"] = new JsonObject
        {
            ["installed"] = sendmailCf.Length > 0,
            ["restrictqrun"] = sendmailCf.Contains("restrictqrun", StringComparison.Ordinal),
            ["noexpn"] = sendmailCf.Contains("noexpn", StringComparison.Ordinal) || sendmailCf.Contains("goaway", StringComparison.Ordinal),
            ["novrfy"] = sendmailCf.Contains("novrfy", StringComparison.Ordinal) || sendmailCf.Contains("goaway", StringComparison.Ordinal),
        };
        var named = Read("/etc/bind/named.conf.options") + Read("/etc/named.conf");
        facts["dns"] = new JsonObject
        {
            ["installed"] = named.Length > 0,
            ["allowTransferAny"] = named.Length > 0 && (!named.Contains("allow-transfer", StringComparison.Ordinal) || named.Contains("allow-transfer { any", StringComparison.Ordinal)),
        };
        return facts;
    }

    private static JsonObject OsRelease()
    {
        var kv = KeyValues("/etc/os-release", '=');
        return new JsonObject { ["id"] = kv.GetValueOrDefault("ID")?.Trim('"'), ["versionId"] = kv.GetValueOrDefault("VERSION_ID")?.Trim('"'), ["prettyName"] = kv.GetValueOrDefault("PRETTY_NAME")?.Trim('"') };
    }

    private static JsonObject Sshd()
    {
        var installed = File.Exists("/usr/sbin/sshd");
        var settings = new JsonObject();
        var source = "none";
        if (installed)
        {
            var t = Run("/usr/sbin/sshd", "-T");
            if (t is not null && t.Contains("permitrootlogin", StringComparison.Ordinal))
            {
                source = "sshd -T";
                foreach (var line in t.Split('\n'))
                {
                    var sp = line.IndexOf(' ');
                    if (sp > 0)
                    {
                        settings[line[..sp]] = NumOrString(line[(sp + 1)..].Trim());
                    }
                }
            }
            else
            {
                // Effective settings need privileges; fall back to the file (first value wins, as in sshd).
                source = "config";
                foreach (var line in Read("/etc/ssh/sshd_config").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var parts = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 2 && !settings.ContainsKey(parts[0].ToLowerInvariant()))
                    {
                        settings[parts[0].ToLowerInvariant()] = NumOrString(parts[1].Trim());
                    }
                }

                // OpenSSH defaults for what the file does not say.
                foreach (var (k, v) in new (string, object)[] { ("permitrootlogin", "prohibit-password"), ("permitemptypasswords", "no"), ("maxauthtries", 6), ("clientaliveinterval", 0), ("x11forwarding", "no"), ("ignorerhosts", "yes"), ("hostbasedauthentication", "no") })
                {
                    if (!settings.ContainsKey(k))
                    {
                        settings[k] = v is int i ? i : (string)v;
                    }
                }
            }
        }

        return new JsonObject { ["installed"] = installed, ["source"] = source, ["settings"] = settings };
    }

    private static JsonObject Accounts(out JsonObject homes)
    {
        var passwd = Read("/etc/passwd").Split('\n').Select(l => l.Split(':')).Where(p => p.Length >= 7).ToList();
        var shadow = Read("/etc/shadow").Split('\n').Select(l => l.Split(':')).Where(p => p.Length >= 2).ToDictionary(p => p[0], p => p[1]);
        var groups = Read("/etc/group").Split('\n').Select(l => l.Split(':')).Where(p => p.Length >= 4).ToList();
        var gids = groups.Select(g => g[2]).ToHashSet();
        bool LoginShell(string s) => !(s.EndsWith("nologin", StringComparison.Ordinal) || s.EndsWith("false", StringComparison.Ordinal) || s.EndsWith("sync", StringComparison.Ordinal) || s.EndsWith("shutdown", StringComparison.Ordinal) || s.EndsWith("halt", StringComparison.Ordinal));
        var uid = (string[] p) => int.TryParse(p[2], out var u) ? u : -1;
        var legacy = new[] { "lp", "uucp", "nuucp", "news", "games", "gopher", "operator" };
        var humans = passwd.Where(p => uid(p) >= 1000 && uid(p) < 65534).ToList();
        var missing = 0;
        var notOwned = 0;
        var worldWritable = 0;
        foreach (var p in humans)
        {
            if (!Directory.Exists(p[5]))
            {
                missing++;
                continue;
            }

            var mode = Mode(p[5]);
            if ((mode & 0x2) != 0)
            {
                worldWritable++;
            }

            var owner = Owner(p[5]);
            if (owner is not null && owner != p[0])
            {
                notOwned++;
            }
        }

        homes = new JsonObject { ["missing"] = missing, ["notOwned"] = notOwned, ["worldWritable"] = worldWritable };
        return new JsonObject
        {
            ["count"] = passwd.Count,
            ["uid0Count"] = passwd.Count(p => uid(p) == 0),
            ["duplicateUidCount"] = passwd.GroupBy(p => p[2]).Count(g => g.Count() > 1),
            ["shadowUsed"] = passwd.All(p => p[1] is "x" or "*" or "!"),
            ["shadowReadable"] = shadow.Count > 0,
            ["emptyPasswordCount"] = passwd.Count(p => p[1].Length == 0) + shadow.Count(s => s.Value.Length == 0),
            ["systemWithShellCount"] = passwd.Count(p => uid(p) > 0 && uid(p) < 1000 && LoginShell(p[6]) && p[0] is not ("sync" or "shutdown" or "halt")),
            ["missingGroupCount"] = passwd.Count(p => !gids.Contains(p[3])),
            ["rootGroupMembers"] = new JsonArray(groups.Where(g => g[2] == "0").SelectMany(g => g[3].Split(',', StringSplitOptions.RemoveEmptyEntries)).Where(m => m != "root").Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
            ["legacyWithShell"] = new JsonArray(passwd.Where(p => legacy.Contains(p[0]) && LoginShell(p[6])).Select(p => (JsonNode)JsonValue.Create(p[0])!).ToArray()),
        };
    }

    private static void ScanSystemPaths(out JsonObject worldWritable, out JsonObject suid, out JsonObject nouser)
    {
        var ww = new List<string>();
        var su = new List<string>();
        var unexpected = new List<string>();
        var noOwner = 0;
        foreach (var dir in SystemPaths.Where(Directory.Exists))
        {
            foreach (var f in SafeFiles(dir, SearchOption.AllDirectories))
            {
                UnixFileMode mode;
                try
                {
                    var info = new FileInfo(f);
                    if (info.LinkTarget is not null)
                    {
                        continue;
                    }

                    mode = info.UnixFileMode;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (mode.HasFlag(UnixFileMode.OtherWrite))
                {
                    ww.Add(f);
                }

                if (mode.HasFlag(UnixFileMode.SetUser) || mode.HasFlag(UnixFileMode.SetGroup))
                {
                    su.Add(f);
                    if (!KnownSuid.Contains(Path.GetFileName(f)))
                    {
                        unexpected.Add(f);
                    }
                }

            }
        }

        var dirs = string.Join(' ', SystemPaths.Where(Directory.Exists));
        noOwner = (Run("find", dirs + " -xdev -nouser -o -xdev -nogroup") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        worldWritable = new JsonObject { ["count"] = ww.Count, ["sample"] = new JsonArray(ww.Take(20).Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()) };
        suid = new JsonObject { ["count"] = su.Count, ["unexpectedCount"] = unexpected.Count, ["unexpected"] = new JsonArray(unexpected.Take(50).Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()) };
        nouser = new JsonObject { ["count"] = noOwner };
    }

    private static JsonObject Services()
    {
        var services = new JsonObject();
        foreach (var (name, units) in ServiceUnits)
        {
            var active = units.Any(Active);
            var installed = active || units.Any(u => File.Exists($"/lib/systemd/system/{u}.service") || File.Exists($"/lib/systemd/system/{u}") || File.Exists($"/usr/lib/systemd/system/{u}.service"));
            services[name] = new JsonObject { ["installed"] = installed, ["active"] = active };
        }

        var inetd = Read("/etc/inetd.conf") + string.Concat(SafeFiles("/etc/xinetd.d", SearchOption.TopDirectoryOnly).Select(Read));
        services["dosServices"] = new[] { "echo", "discard", "daytime", "chargen" }.Count(s =>
            inetd.Split('\n').Any(l => !l.TrimStart().StartsWith('#') && l.TrimStart().StartsWith(s, StringComparison.Ordinal)));
        return services;
    }

    private static JsonObject TimeSync()
    {
        var service = Active("chrony") ? "chrony" : Active("chronyd") ? "chronyd" : Active("systemd-timesyncd") ? "systemd-timesyncd" : Active("ntp") ? "ntp" : Active("ntpd") ? "ntpd" : null;
        var timedatectl = Run("timedatectl", "show -p NTPSynchronized --value");
        return new JsonObject { ["service"] = service, ["active"] = service is not null, ["synchronized"] = timedatectl is null ? null : timedatectl.Trim() == "yes" };
    }

    private static JsonObject Packages()
    {
        var status = Read("/var/lib/dpkg/status");
        var compilers = new[] { "gcc", "g++", "cc", "clang", "make" }.Where(c => File.Exists("/usr/bin/" + c)).ToArray();
        int? pending = null;
        if (status.Length > 0 && File.Exists("/usr/bin/apt-get"))
        {
            // A simulation reads the local package lists only (no download); "-security" origins count as security updates.
            var sim = Run("apt-get", "-s -o Debug::NoLocking=1 upgrade");
            pending = sim?.Split('\n').Count(l => l.StartsWith("Inst ", StringComparison.Ordinal) && l.Contains("-security", StringComparison.Ordinal));
        }

        return new JsonObject
        {
            ["manager"] = status.Length > 0 ? "dpkg" : File.Exists("/usr/bin/rpm") ? "rpm" : null,
            ["count"] = status.Split('\n').Count(l => l.StartsWith("Package: ", StringComparison.Ordinal)),
            ["compilers"] = new JsonArray(compilers.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["securityUpdatesPending"] = pending,
        };
    }

    private static JsonObject Firewall()
    {
        foreach (var (tool, unit) in new[] { ("firewalld", "firewalld"), ("ufw", "ufw"), ("nftables", "nftables"), ("iptables", "netfilter-persistent") })
        {
            if (Active(unit))
            {
                return new JsonObject { ["tool"] = tool, ["active"] = true };
            }
        }

        return new JsonObject { ["tool"] = null, ["active"] = false };
    }

    private static JsonObject Apache()
    {
        var conf = string.Concat(new[] { "/etc/apache2/apache2.conf", "/etc/apache2/conf-enabled/security.conf", "/etc/httpd/conf/httpd.conf" }.Select(Read));
        var lines = conf.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        var options = lines.Where(l => l.StartsWith("Options", StringComparison.Ordinal)).ToList();
        var user = lines.FirstOrDefault(l => l.StartsWith("User ", StringComparison.Ordinal));
        return new JsonObject
        {
            ["installed"] = conf.Length > 0,
            ["indexes"] = options.Any(o => o.Contains(" Indexes", StringComparison.Ordinal) || o.Contains("+Indexes", StringComparison.Ordinal)),
            ["followSymLinks"] = options.Any(o => o.Contains("FollowSymLinks", StringComparison.Ordinal) && !o.Contains("-FollowSymLinks", StringComparison.Ordinal)),
            ["runAsRoot"] = user is not null && user.EndsWith(" root", StringComparison.Ordinal),
            ["serverTokensProd"] = lines.Any(l => l.Equals("ServerTokens Prod", StringComparison.OrdinalIgnoreCase)),
            ["serverSignatureOff"] = lines.Any(l => l.Equals("ServerSignature Off", StringComparison.OrdinalIgnoreCase)),
        };
    }

    private static JsonObject FileFact(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new JsonObject { ["exists"] = false };
            }

            return new JsonObject { ["exists"] = true, ["owner"] = Owner(path), ["mode"] = "0" + Convert.ToString((int)info.UnixFileMode & 0xFFF, 8) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new JsonObject { ["exists"] = true, ["unreadable"] = true };
        }
    }

    private static int Mode(string path)
    {
        try
        {
            return (int)File.GetUnixFileMode(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string? Owner(string path) => Run("stat", "-c %U " + path)?.Trim();

    private static IEnumerable<string> HomeDirs() =>
        Read("/etc/passwd").Split('\n').Select(l => l.Split(':')).Where(p => p.Length >= 7 && Directory.Exists(p[5])).Select(p => p[5]).Distinct();

    private static IEnumerable<string> SafeFiles(string dir, SearchOption option)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = option == SearchOption.AllDirectories, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint });
    }

    private static bool Active(string unit) => Run("systemctl", "is-active --quiet " + unit, exitOnly: true) == "0";

    private static string? Run(string file, string args, bool exitOnly = false)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (p is null)
            {
                return null;
            }

            var output = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            if (!p.WaitForExit(10_000))
            {
                p.Kill();
                return null;
            }

            return exitOnly ? p.ExitCode.ToString(CultureInfo.InvariantCulture) : p.ExitCode == 0 ? output : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length < 4 * 1024 * 1024 ? File.ReadAllText(path) : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static Dictionary<string, string> KeyValues(string path, char sep)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in Read(path).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var i = sep == ' ' ? line.IndexOfAny([' ', '\t']) : line.IndexOf(sep);
            if (i > 0)
            {
                d[line[..i].Trim()] = line[(i + 1)..].Trim();
            }
        }

        return d;
    }

    private static IEnumerable<KeyValuePair<string, string>> PamArgs(string pam, string module)
    {
        foreach (var line in pam.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && l.Contains(module, StringComparison.Ordinal)))
        {
            foreach (var tok in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Contains('=')))
            {
                var i = tok.IndexOf('=');
                yield return new(tok[..i], tok[(i + 1)..]);
            }
        }
    }

    private static JsonObject Numbers(Dictionary<string, string> kv)
    {
        var o = new JsonObject();
        foreach (var (k, v) in kv)
        {
            o[k] = NumOrString(v);
        }

        return o;
    }

    private static JsonNode? NumOrString(string v) =>
        long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && !(v.Length > 1 && v.StartsWith('0')) ? JsonValue.Create(n) : JsonValue.Create(v);

    private static JsonNode? Num(string? v) =>
        v is not null && long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : null;
}
