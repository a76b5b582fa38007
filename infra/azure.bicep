// Static hosting for Learning Together: a Storage account's static website behind Azure Front Door, which adds
// the Content-Security-Policy (frame-ancestors: only Teams and the Microsoft 365 hosts may frame the app).
// The app has no server: data lives in each tenant's SharePoint (Microsoft 365 mode) or the browser (standalone).
// Keep the CSP in step with src/host/csp.ts; tests/infra/infra.test.ts checks that they agree.

@maxLength(20)
@minLength(4)
@description('Prefix for the resource names (lower-case letters and digits).')
param resourceBaseName string

@description('Extra origins the app calls besides Graph and Entra ID, e.g. a Graph-compatible endpoint. Space-separated.')
param extraConnectSources string = ''

param location string = resourceGroup().location

var frameAncestors = '\'self\' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com https://*.skype.com'
var connectSources = trim('\'self\' https://graph.microsoft.com https://*.sharepoint.com https://login.microsoftonline.com https://res.cdn.office.net ${extraConnectSources}')
var contentSecurityPolicy = 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data: blob:; font-src \'self\' data:; connect-src ${connectSources}; frame-src \'self\' https://login.microsoftonline.com; frame-ancestors ${frameAncestors}; object-src \'none\'; base-uri \'self\'; form-action \'self\''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower(replace(resourceBaseName, '-', ''))
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
  }
}

var staticWebsiteHost = replace(replace(storage.properties.primaryEndpoints.web, 'https://', ''), '/', '')

resource frontDoor 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: '${resourceBaseName}-fd'
  location: 'global'
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: frontDoor
  name: resourceBaseName
  location: 'global'
  properties: {
    enabledState: 'Enabled'
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: frontDoor
  name: 'static-website'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
    }
    healthProbeSettings: {
      probePath: '/index.html'
      probeRequestType: 'HEAD'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 240
    }
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'storage'
  properties: {
    hostName: staticWebsiteHost
    originHostHeader: staticWebsiteHost
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
  }
}

resource securityHeaders 'Microsoft.Cdn/profiles/ruleSets@2024-02-01' = {
  parent: frontDoor
  name: 'SecurityHeaders'
}

resource cspRule 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = {
  parent: securityHeaders
  name: 'ContentSecurityPolicy'
  properties: {
    order: 1
    conditions: []
    actions: [
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Content-Security-Policy'
          value: contentSecurityPolicy
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'X-Content-Type-Options'
          value: 'nosniff'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Referrer-Policy'
          value: 'strict-origin-when-cross-origin'
        }
      }
    ]
  }
}

// config.json says which tenant this deployment serves; it must never be cached stale.
resource noStoreConfigRule 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = {
  parent: securityHeaders
  name: 'NoStoreConfig'
  properties: {
    order: 2
    conditions: [
      {
        name: 'UrlPath'
        parameters: {
          typeName: 'DeliveryRuleUrlPathMatchConditionParameters'
          operator: 'Equal'
          matchValues: [
            '/config.json'
          ]
          negateCondition: false
          transforms: []
        }
      }
    ]
    actions: [
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Cache-Control'
          value: 'no-store'
        }
      }
    ]
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'default'
  dependsOn: [
    origin
  ]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    ruleSets: [
      {
        id: securityHeaders.id
      }
    ]
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    httpsRedirect: 'Enabled'
  }
}

// The Agents Toolkit writes these outputs into env/.env.<environment>.
output TAB_AZURE_STORAGE_RESOURCE_ID string = storage.id
output TAB_DOMAIN string = endpoint.properties.hostName
output TAB_ENDPOINT string = 'https://${endpoint.properties.hostName}'
