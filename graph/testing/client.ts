/** A GraphQL POST over real HTTP; returns the status and the parsed body. */
export interface GraphResult {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphResult, 'status'>;
  return { status: response.status, ...body };
}

export const codes = (result: GraphResult): (string | undefined)[] =>
  (result.errors ?? []).map((e) => e.extensions?.code);
