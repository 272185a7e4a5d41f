import type { systemActor } from '../lib/commands';
import type { Services } from '../modules';

/*
 * Three sheets written for the demo, in English and Spanish. They show the shape of a library; a network
 * replaces them with its own, checked by its legal and medical partners.
 */
const SHEETS = [
  {
    title: 'Your rights after release · Sus derechos al salir',
    tags: ['legal'] as const,
    reviewInDays: 120,
    en: `# You are not alone

Volunteers from this network are here to help you tonight. We do not work for immigration or the police.

- Keep every paper you were given, especially the date and place of your next appointment.
- You can ask for a free legal consultation: show this sheet to a volunteer.
- Do not sign anything you do not understand.

If someone asks you questions about your case, you may say you want to speak with a lawyer first.`,
    es: `# No está solo

Los voluntarios de esta red están aquí para ayudarle esta noche. No trabajamos para inmigración ni para la policía.

- Guarde todos los papeles que le dieron, sobre todo la fecha y el lugar de su próxima cita.
- Puede pedir una consulta legal gratuita: muestre esta hoja a un voluntario.
- No firme nada que no entienda.

Si alguien le hace preguntas sobre su caso, puede decir que primero quiere hablar con un abogado.`,
  },
  {
    title: 'Staying healthy on the way · Cuidar su salud en el camino',
    tags: ['health'] as const,
    reviewInDays: 60,
    en: `If you have a fever, a cough or trouble breathing, tell a volunteer now: a nurse can be called tonight.

- Wash your hands or use hand gel before eating.
- Wear a mask on the bus if you feel sick.
- Keep any medicine you take with you, not in checked luggage.

Emergency: call 911. It is free, and you can ask for an interpreter.`,
    es: `Si tiene fiebre, tos o le cuesta respirar, avise ahora a un voluntario: se puede llamar a una enfermera esta noche.

- Lávese las manos o use gel antes de comer.
- Use mascarilla en el autobús si se siente mal.
- Lleve consigo las medicinas que toma, no en la maleta.

Emergencias: llame al 911. Es gratis y puede pedir un intérprete.`,
  },
  {
    title: 'Travelling by bus · Viajar en autobús',
    tags: ['travel'] as const,
    // Past its review date on purpose: the library shows how a stale sheet is flagged.
    reviewInDays: -10,
    en: `- Keep your ticket and your papers together, in a pocket you can close.
- At each transfer, show your ticket to the driver and ask which gate is next.
- Your phone number for the network is on the card a volunteer gave you: text it if a bus is late or missed.`,
    es: `- Guarde el boleto y sus papeles juntos, en un bolsillo que se pueda cerrar.
- En cada cambio de autobús, muestre el boleto al chofer y pregunte cuál es la siguiente puerta.
- El número de la red está en la tarjeta que le dio un voluntario: mande un mensaje si el autobús se retrasa o lo pierde.`,
  },
];

/** A small library: rights, health and bus travel, each in English and Spanish. */
export function seedResources(services: Services, actor: typeof systemActor, now: Date): void {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const sheet of SHEETS) {
    const created = services.resources.create(actor, {
      title: sheet.title,
      tags: [...sheet.tags],
      reviewBy: day(sheet.reviewInDays),
    });
    services.resources.addVersion(actor, created.id, { language: 'es', body: sheet.es });
    services.resources.addVersion(actor, created.id, { language: 'en', body: sheet.en });
  }
}
