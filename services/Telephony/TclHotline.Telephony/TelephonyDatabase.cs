using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Telephony;

/// <summary>The telephony module's own database (<c>ConnectionStrings:telephony</c>, or data/telephony.db on SQLite).</summary>
public sealed class TelephonyDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("telephony", settings, time);
