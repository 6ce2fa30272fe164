namespace TclHotline.Complaints.Domain;
internal static class Placeholder { }
