namespace TclHotline.Sla.Domain;
internal static class Placeholder { }
