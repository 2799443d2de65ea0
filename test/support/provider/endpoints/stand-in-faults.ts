// /__stand-in/faults: fault injection over HTTP, for a stand-in started from
// the CLI. POST a JSON command to add a fault or a latency, DELETE to clear
// everything, GET to see what is queued. Not part of the portal's protocol.
import type { z } from 'zod';
import { faultCommandSchema, type FaultInjector } from '../faults';
import { jsonReply, mediaType, type Handler, type Reply, type StandInRequest } from '../http';

export const FAULTS_PATH = '/__stand-in/faults';

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return `${path || '(body)'}: ${issue?.message ?? 'invalid'}`;
}

export function standInFaultsEndpoint(faults: FaultInjector): Handler {
  return (request: StandInRequest): Reply => {
    switch (request.method) {
      case 'GET':
        return jsonReply(200, faults.snapshot());
      case 'DELETE':
        faults.clear();
        return { status: 204 };
      case 'POST': {
        if (mediaType(request) !== 'application/json') {
          return jsonReply(415, { error: 'Send the command as application/json.' });
        }
        let body: unknown;
        try {
          body = JSON.parse(request.body.toString('utf8'));
        } catch {
          return jsonReply(400, { error: 'The body is not valid JSON.' });
        }
        const command = faultCommandSchema.safeParse(body);
        if (!command.success) return jsonReply(400, { error: describeIssue(command.error) });
        const { endpoint, fault, latencyMs } = command.data;
        if (fault) faults.inject(endpoint, fault);
        if (latencyMs !== undefined) faults.latency(endpoint, latencyMs);
        return { status: 204 };
      }
      default:
        return jsonReply(
          405,
          { error: 'Use GET, POST or DELETE.' },
          { allow: 'GET, POST, DELETE' },
        );
    }
  };
}
