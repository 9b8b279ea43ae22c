using System.ComponentModel.DataAnnotations;

namespace CustomActivities.Web;

/// <summary>"Node" section of the settings: this process among the several that may serve one database.</summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>Shown by /health, so that a load balancer's log and a person can tell the nodes apart.</summary>
    [Required(ErrorMessage = "Node:Name must name this node, e.g. web-1 (by default the machine name).")]
    [RegularExpression(@"^\P{Cc}{1,100}$", ErrorMessage = "Node:Name must be 1 to 100 characters on one line, e.g. web-1.")]
    public string Name { get; set; } = Environment.MachineName;
}
