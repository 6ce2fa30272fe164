namespace TclHotline.Dispatch.Domain.Network;

/// <summary>What an engineer is trained and equipped to do on site.</summary>
public enum Skill
{
    Repair,
    Panel,
    Installation,
    WallMount,
    EngineeringSurvey,
}
