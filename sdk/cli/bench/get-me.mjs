// One GET /v1/me with the official TypeScript SDK, in a fresh node process (the start-up harness's reference).
import { createManagementApiClient } from "@prisma/management-api-sdk";

const client = createManagementApiClient({
  token: process.env.PRISMA_SERVICE_TOKEN,
  baseUrl: process.env.PRISMA_API_URL,
});
const { data, error } = await client.GET("/v1/me");
if (error) {
  console.error(JSON.stringify(error));
  process.exit(1);
}
console.log(data.data.workspace.id);
