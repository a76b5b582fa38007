/** Every framework in this folder is transcribed from SCIE's guide; credit travels with the data. */
export const SCIE_SOURCE = {
  title: 'Learning together to safeguard children: developing a multi-agency systems approach for case reviews',
  series: 'SCIE Resource Guide 13',
  authors: 'Sheila Fish, Eileen Munro and Sue Bairstow',
  publisher: 'Social Care Institute for Excellence (SCIE)',
  year: 2008,
  credit:
    'Conversation structure, table of key practice episodes, framework for contributory factors and typology of underlying patterns: © SCIE 2008, from "Learning together to safeguard children" (Fish, Munro and Bairstow). Reproduced as structured data for use in case reviews.',
} as const;
