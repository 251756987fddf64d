// Types of grader/tools/classroom-result.mjs (plain JavaScript, so that the workflow runs it without npm ci).

/** The week's max_score: grader/points.ts maxScore(), which test/grader-workflow.test.ts holds this figure to. */
export declare const weekMaxScore: number;

/** The result in `file` when it is a Classroom result, else the error result naming what is missing. */
export declare function classroomResult(file: string): { result: unknown; problem?: string };
