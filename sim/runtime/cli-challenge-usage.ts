// Runtime: Node (CLI). The help lines of `challenge`, apart from its module so that the help does not
// load the planner and the challenge code (cli-challenge.ts is imported when the command runs).
export const CHALLENGE_USAGE = `  npm run sim -- challenge make <scenario.json> --hide <path>[,<path>…] --task estimate|best-of|pilot-design
                       [--strategy ID] [--metric M] [--level 0.9] [--options ID,ID…] [--branches K,K…] [--weeks W]
                       [--pilots N] [--replications R] [--id ID] [--title T] [--brief B]
                       --passphrase-file F --out challenge.json [--force] [--workers W]
  npm run sim -- challenge answer <challenge.json> --name N (--low A --high B | --choice ID | --branches K)
                       [--pilots-used N] --out answer.json [--force]
  npm run sim -- challenge score <challenge.json> --passphrase-file F <answer.json…> [--json]`;
