namespace TclHotline.Intake.Domain;
internal static class Placeholder { }
