using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Training has completed: the candidate, the last poll (its F1), the check, and the serving model's score on the
/// candidate's test images (<see cref="ScoreServingModel"/>; null when the step did not run, and the gate then uses
/// the serving model's recorded F1 and says so).
/// </summary>
public sealed record GateRequest(CandidateCreated Candidate, TrainingPoll Training, TrainingCheck Check, ServingRescore? ServingScore = null);
